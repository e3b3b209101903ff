package cn.qingfeng.common.input;

import cn.qingfeng.common.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks into a zip container (docx, xlsx, ofd, zip) before anything keeps or parses it, reading no
 * more than its limits allow: too many entries, too much inflated data or too high a ratio (a zip
 * bomb), and XML parts that declare a DTD (the door of XXE and entity expansion) are refused, each
 * with its own code. Attachments use it; the spreadsheet import will too.
 */
public final class ArchiveInspector {

    /** The limits of one inspection. */
    public record Limits(int maxEntries, long maxInflatedBytes, int maxRatio) {
    }

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTITY = "<!ENTITY".getBytes(StandardCharsets.US_ASCII);
    /** Entries smaller than this are not judged by their ratio (tiny files compress absurdly well). */
    private static final long RATIO_FLOOR = 64 * 1024;

    private ArchiveInspector() {
    }

    public static void inspect(Path file, Limits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw refused("too-many-entries", "压缩包内文件过多（" + zip.size() + " 个，上限 " + limits.maxEntries() + "）",
                        Map.of("entries", zip.size(), "maxEntries", limits.maxEntries()));
            }
            long inflated = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                boolean xml = isXml(entry.getName());
                long entryBytes = 0;
                Scanner dtd = xml ? new Scanner() : null;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        entryBytes += n;
                        inflated += n;
                        if (inflated > limits.maxInflatedBytes()) {
                            throw refused("too-large", "压缩包解压后超过 " + limits.maxInflatedBytes() / (1024 * 1024) + " MB",
                                    Map.of("maxInflatedBytes", limits.maxInflatedBytes()));
                        }
                        long compressed = Math.max(entry.getCompressedSize(), 1);
                        if (entryBytes > RATIO_FLOOR && entryBytes / compressed > limits.maxRatio()) {
                            throw refused("ratio", "压缩包内文件的压缩比异常（疑似压缩炸弹）", Map.of("entry", entry.getName()));
                        }
                        if (dtd != null && dtd.feed(buffer, n)) {
                            throw refused("xml-dtd", "文档内的 XML 声明了 DTD 或实体，已拒绝（可能被用于 XXE 攻击）",
                                    Map.of("entry", entry.getName()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw refused("unreadable", "压缩包已损坏或无法读取", Map.of());
        }
    }

    private static boolean isXml(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".rels") || n.endsWith(".vml");
    }

    private static ProblemException refused(String code, String detail, Map<String, Object> extensions) {
        return new ProblemException(422, "attachment.archive-" + code, "Unprocessable Content", detail, List.of(), extensions);
    }

    /** Finds {@code <!DOCTYPE} or {@code <!ENTITY} in a stream of chunks (also across two chunks). */
    private static final class Scanner {
        private final byte[] tail = new byte[DOCTYPE.length];
        private int tailLength;

        boolean feed(byte[] chunk, int length) {
            byte[] window = new byte[tailLength + length];
            System.arraycopy(tail, 0, window, 0, tailLength);
            System.arraycopy(chunk, 0, window, tailLength, length);
            if (contains(window, DOCTYPE) || contains(window, ENTITY)) {
                return true;
            }
            tailLength = Math.min(tail.length - 1, window.length);
            System.arraycopy(window, window.length - tailLength, tail, 0, tailLength);
            return false;
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    byte b = haystack[i + j];
                    byte upper = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
                    if (upper != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
