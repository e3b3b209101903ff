package cn.qingfeng.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.common.input.ArchiveInspector;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.support.Db;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abusive uploads, built by the test itself: zip bombs, archives of too many entries, XXE, wrong
 * magic, names that are paths or break the multipart header, and bodies over each limit (with and
 * without a length). Every one is refused as problem+json with the code a client can act on,
 * nothing is stored, and the server's heap does not grow with what it refused.
 */
@QuarkusTest
class UploadAbuseTest {

    private static final long MIB = 1024 * 1024;
    private static final String BOUNDARY = "qingfeng-abuse-7d1f";

    @TempDir
    static Path dir;

    @TestHTTPResource("/api/v1/attachments")
    URI uploads;

    // HTTP/1.1 as browsers and scripts upload (no h2c upgrade dance).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One abusive upload and what the API must answer. */
    record Case(String label, String filename, Path file, boolean chunked, int status, String code) {
    }

    private static final List<Case> CASES = new ArrayList<>();

    @BeforeAll
    static void buildCorpus() throws IOException {
        Random random = new Random(11);
        // 1 GiB of zeros in one part: about 1 MiB on the wire.
        Path bomb = office(dir.resolve("bomb.docx"), "word/document.xml", out -> {
            out.putNextEntry(new ZipEntry("word/media/image1.bin"));
            byte[] zeros = new byte[(int) MIB];
            for (int i = 0; i < 1024; i++) {
                out.write(zeros);
            }
        });
        // Compressible, but not suspiciously so (about 30:1): 220 MiB in all, over the 200M budget.
        Path inflates = office(dir.resolve("inflates.xlsx"), "xl/workbook.xml", out -> {
            byte[] block = new byte[(int) MIB];
            for (int e = 0; e < 10; e++) {
                out.putNextEntry(new ZipEntry("xl/media/image" + e + ".bin"));
                for (int m = 0; m < 22; m++) {
                    for (int k = 0; k < block.length; k += 1024) {
                        for (int r = 0; r < 20; r++) {
                            block[k + r] = (byte) random.nextInt(256);
                        }
                    }
                    out.write(block);
                }
            }
        });
        Path xxe = office(dir.resolve("xxe.xlsx"), "xl/workbook.xml", out -> {
            out.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            out.write(("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                    + "<worksheet><c>&x;</c></worksheet>").getBytes(StandardCharsets.UTF_8));
        });
        Path laughs = office(dir.resolve("laughs.docx"), "word/document.xml", out -> {
            out.putNextEntry(new ZipEntry("word/styles.xml"));
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!doctype lolz [<!entity lol0 \"lol\">");
            for (int i = 1; i < 10; i++) {
                xml.append("<!entity lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
            }
            out.write(xml.append("]><styles>&lol9;</styles>").toString().getBytes(StandardCharsets.UTF_8));
        });
        Path entries1001 = office(dir.resolve("entries.docx"), "word/document.xml", out -> {
            for (int i = 0; i < 1001; i++) {
                out.putNextEntry(new ZipEntry("word/media/e" + i + ".xml"));
                out.write('x');
            }
        });
        Path entries100k = dir.resolve("entries.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(entries100k))) {
            for (int i = 0; i < 100_000; i++) {
                out.putNextEntry(stored("d/" + i));
            }
        }
        Path exe = bytes(dir.resolve("exe.pdf"), concat(new byte[]{'M', 'Z', (byte) 0x90, 0}, randomBytes(random, 4096)));
        Path elf = bytes(dir.resolve("elf.xlsx"), concat(new byte[]{0x7F, 'E', 'L', 'F'}, randomBytes(random, 4096)));
        Path html = bytes(dir.resolve("page.pdf"), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        Path brokenZip = bytes(dir.resolve("broken.docx"), concat(new byte[]{'P', 'K', 3, 4}, randomBytes(random, 4096)));
        Path pdf = bytes(dir.resolve("ok.pdf"), AttachmentTest.pdf("abuse"));
        Path over30 = sparsePdf(dir.resolve("over30.pdf"), 30 * MIB);
        Path over80 = sparsePdf(dir.resolve("over80.pdf"), 80 * MIB);

        add("zip bomb (1 GiB of zeros)", "整改报告.docx", bomb, false, 422, "attachment.archive-ratio");
        add("inflates past the budget", "台账.xlsx", inflates, false, 422, "attachment.archive-too-large");
        add("XXE in a sheet", "台账.xlsx", xxe, false, 422, "attachment.archive-xml-dtd");
        add("billion laughs", "方案.docx", laughs, false, 422, "attachment.archive-xml-dtd");
        add("1,001 entries", "方案.docx", entries1001, false, 422, "attachment.archive-too-many-entries");
        add("100,000 entries", "材料.zip", entries100k, false, 422, "attachment.archive-too-many-entries");
        add("an exe named .pdf", "通知.pdf", exe, false, 415, "attachment.type-not-allowed");
        add("an ELF named .xlsx", "台账.xlsx", elf, false, 415, "attachment.type-not-allowed");
        add("HTML named .pdf", "通知.pdf", html, false, 415, "attachment.type-not-allowed");
        add("a zip that is not one", "方案.docx", brokenZip, false, 415, "attachment.type-not-allowed");
        add("traversal", "../../etc/passwd.pdf", pdf, false, 400, "validation");
        add("Windows traversal", "..\\..\\Windows\\win.ini.pdf", pdf, false, 400, "validation");
        add("absolute path", "/etc/cron.d/job.pdf", pdf, false, 400, "validation");
        add("right-to-left override", "invoice\u202Efdp.exe.pdf", pdf, false, 400, "validation");
        add("NUL in the name", "a\u0000.pdf", pdf, false, 400, "validation");
        // The injected header ends the part's head early: what follows is judged by its bytes, as any file.
        add("CR/LF injecting a part header", "a.pdf\r\nContent-Type: application/pdf\r\n\r\n<b>x</b>", pdf, false, 415,
                "attachment.type-not-allowed");
        add("bare CR in the name", "a\rb.pdf", pdf, false, 400, "malformed-multipart");
        add("bare LF in the name", "a\nb.pdf", pdf, false, 400, "malformed-multipart");
        add("over the body limit, announced", "大文件.pdf", over30, false, 413, "payload-too-large");
        add("over the file limit, chunked", "大文件.pdf", over30, true, 413, "attachment.too-large");
        add("over the transport limit, chunked", "大文件.pdf", over80, true, 413, "payload-too-large");
    }

    @Test
    void everyAbusiveUploadIsRefusedAsAProblemNothingIsStoredAndTheHeapStaysFlat() throws Exception {
        // Warm up the path once so that first-use class loading is not counted as growth.
        upload("warm-up", "ok.pdf", dir.resolve("ok.pdf"), false);
        long storedBefore = attachments();
        long heapBefore = heapAfterGc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        SoftAssertions soft = new SoftAssertions();
        for (Case c : CASES) {
            Answer answer;
            try {
                answer = upload(c.label(), c.filename(), c.file(), c.chunked());
            } catch (IOException e) {
                soft.fail(c.label() + ": no answer (" + e + ")");
                continue;
            }
            soft.assertThat(answer.status()).as(c.label() + " status (" + answer.body() + ")").isEqualTo(c.status());
            soft.assertThat(answer.contentType()).as(c.label() + " content type").startsWith("application/problem+json");
            if (answer.contentType().startsWith("application/problem+json")) {
                JsonPath json = JsonPath.from(answer.body());
                soft.assertThat(json.getString("code")).as(c.label() + " code").isEqualTo(c.code());
                soft.assertThat(json.getString("detail")).as(c.label() + " detail").isNotBlank();
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long heapAfter = heapAfterGc();
        System.out.printf("upload abuse: %d cases, heap after GC %d MiB -> %d MiB, peak of pools %d MiB%n",
                CASES.size(), heapBefore / MIB, heapAfter / MIB, peak / MIB);
        soft.assertThat(attachments()).as("attachments stored").isEqualTo(storedBefore);
        soft.assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(100 * MIB);
        soft.assertAll();
    }

    @Test
    void aDoctypeSplitAcrossTwoReadsIsStillFound() throws IOException {
        // Text that does not compress suspiciously, ending "<!DOC" exactly where the first 64 KiB read ends.
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        while (text.length() < 64 * 1024 - 5) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        text.setLength(64 * 1024 - 5);
        Path file = office(dir.resolve("split.docx"), "word/document.xml", out -> {
            out.putNextEntry(new ZipEntry("word/footer1.xml"));
            out.write((text + "<!DOCTYPE x []><ftr/>").getBytes(StandardCharsets.US_ASCII));
        });
        var limits = new ArchiveInspector.Limits(1000, 200 * MIB, 100);
        ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> ArchiveInspector.inspect(file, limits));
        assertThat(refused.code()).isEqualTo("attachment.archive-xml-dtd");
    }

    @Test
    void aJsonBodyIsHeldToItsLimitWithOrWithoutALength() throws Exception {
        // 3 MiB is over the JSON limit (2M); 80 MiB is over the transport's too.
        record Body(long size, boolean chunked) {
        }
        for (Body b : List.of(new Body(3 * MIB, false), new Body(3 * MIB, true), new Body(80 * MIB, true))) {
            byte[] head = "{\"title\":\"".getBytes(StandardCharsets.US_ASCII);
            java.util.function.Supplier<InputStream> json = () -> new SequenceInputStream(new java.io.ByteArrayInputStream(head),
                    new InputStream() {
                        long sent = head.length;

                        @Override
                        public int read() {
                            return sent++ < b.size() ? 'a' : -1;
                        }

                        @Override
                        public int read(byte[] buf, int off, int len) {
                            int n = (int) Math.min(len, b.size() - sent);
                            if (n <= 0) {
                                return -1;
                            }
                            java.util.Arrays.fill(buf, off, off + n, (byte) 'a');
                            sent += n;
                            return n;
                        }
                    });
            BodyPublisher body = b.chunked() ? BodyPublishers.ofInputStream(json)
                    : BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(json), b.size());
            HttpRequest request = HttpRequest.newBuilder(uploads.resolve("/api/v1/tasks"))
                    .header("Authorization", "Bearer " + Tokens.user("jiandu"))
                    .header("Content-Type", "application/json")
                    .POST(body).build();
            Answer answer = send(request, b.chunked());
            String label = b.size() / MIB + " MiB" + (b.chunked() ? " chunked" : "");
            assertThat(answer.status()).as(label).isEqualTo(413);
            assertThat(answer.contentType()).as(label).startsWith("application/problem+json");
            assertThat(JsonPath.from(answer.body()).getString("code")).as(label).isEqualTo("payload-too-large");
        }
    }

    // --- the client: a multipart body streamed from the file, with or without a length ---

    record Answer(int status, String contentType, String body) {
    }

    private Answer upload(String label, String filename, Path file, boolean chunked) throws Exception {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"ownerType\"\r\n\r\nUNIT\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"ownerId\"\r\n\r\n" + DemoUnits.VENUES + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        BodyPublisher body = chunked
                ? BodyPublishers.ofInputStream(() -> {
                    try {
                        return new SequenceInputStream(Collections.enumeration(List.of(
                                new java.io.ByteArrayInputStream(head), Files.newInputStream(file),
                                new java.io.ByteArrayInputStream(tail))));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                : BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(file),
                        BodyPublishers.ofByteArray(tail));
        HttpRequest request = HttpRequest.newBuilder(uploads)
                .header("Authorization", "Bearer " + Tokens.user("cg_officer"))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(body).build();
        return send(request, chunked);
    }

    /**
     * A refusal of a body still being sent closes the connection; over TCP the close may reset it
     * before the client has read the answer. A chunked send that gets no answer is tried again
     * (three times at most): the refusal itself must be seen, whichever attempt sees it.
     */
    private static Answer send(HttpRequest request, boolean chunked) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
            } catch (IOException reset) {
                if (!chunked || attempt == 3) {
                    throw reset;
                }
            }
        }
    }

    // --- the corpus ---

    interface Parts {
        void write(ZipOutputStream out) throws IOException;
    }

    /** A zip that sniffs as docx or xlsx (content types plus the main part), then the abusive parts. */
    private static Path office(Path file, String mainPart, Parts parts) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("[Content_Types].xml"));
            out.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry(mainPart));
            out.write("<root/>".getBytes(StandardCharsets.UTF_8));
            parts.write(out);
        }
        return file;
    }

    private static ZipEntry stored(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(0);
        entry.setCrc(new CRC32().getValue());
        return entry;
    }

    /** A PDF header, then zeros up to the size, without writing them (a sparse file). */
    private static Path sparsePdf(Path file, long size) throws IOException {
        bytes(file, AttachmentTest.pdf("large"));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    private static Path bytes(Path file, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static void add(String label, String filename, Path file, boolean chunked, int status, String code) {
        CASES.add(new Case(label, filename, file, chunked, status, code));
    }

    private static long attachments() throws Exception {
        try (var c = Db.asApp(); ResultSet rs = c.createStatement().executeQuery("select count(*) from attachment")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        // A few rounds: a single System.gc() is a hint, and the least of several is what is really held.
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
