package cn.qingfeng.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells a file's type from its bytes, never from its name or the client's Content-Type: an .exe
 * renamed .pdf is still an .exe. Zip containers are opened to tell docx, xlsx and ofd from a zip.
 */
public final class ContentSniffer {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};

    private ContentSniffer() {
    }

    public static Optional<FileType> sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, n, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(head, n, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(head, n, JPG)) {
            return Optional.of(FileType.JPG);
        }
        if (startsWith(head, n, OLE2)) {
            return ole2(file);
        }
        if (startsWith(head, n, ZIP) || startsWith(head, n, ZIP_EMPTY)) {
            return zip(file);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Office zip containers are told apart by their parts; a zip that is neither stays a zip. */
    private static Optional<FileType> zip(Path file) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        boolean ofd = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                ofd |= name.equalsIgnoreCase("OFD.xml");
            }
        } catch (IOException e) {
            // Starts like a zip but is not a readable one: refuse it.
            return Optional.empty();
        }
        if (contentTypes && word) {
            return Optional.of(FileType.DOCX);
        }
        if (contentTypes && excel) {
            return Optional.of(FileType.XLSX);
        }
        if (ofd) {
            return Optional.of(FileType.OFD);
        }
        return Optional.of(FileType.ZIP);
    }

    /**
     * Legacy Office files share one container format (OLE2); Word files hold a "WordDocument"
     * stream, Excel files a "Workbook" (or "Book") stream, named in UTF-16LE in the directory.
     */
    private static Optional<FileType> ole2(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (contains(bytes, utf16("WordDocument"))) {
            return Optional.of(FileType.DOC);
        }
        if (contains(bytes, utf16("Workbook")) || contains(bytes, utf16("Book"))) {
            return Optional.of(FileType.XLS);
        }
        return Optional.empty();
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
