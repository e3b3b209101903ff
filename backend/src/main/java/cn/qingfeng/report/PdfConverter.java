package cn.qingfeng.report;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * DOCX → PDF by LibreOffice (Debian {@code libreoffice-writer-nogui}), headless, one conversion at a
 * time per instance (soffice is heavy) with a profile of its own so it never meets a user's.
 */
@ApplicationScoped
public class PdfConverter {

    @Inject
    QingfengConfig config;

    /** Whether soffice can be found (on PATH, or as a configured path). */
    public boolean available() {
        String cmd = config.reports().soffice();
        if (cmd.contains(File.separator)) {
            return Files.isExecutable(Path.of(cmd));
        }
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, cmd)));
    }

    public synchronized byte[] convert(byte[] docx) {
        if (!available()) {
            throw new ProblemException(503, "report.pdf-unavailable", "Service Unavailable",
                    "服务器未安装 LibreOffice，暂不能导出 PDF；请导出 Word（DOCX）后另存为 PDF");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("qf-report-");
            Path in = dir.resolve("report.docx");
            Files.write(in, docx);
            Process p = new ProcessBuilder(List.of(config.reports().soffice(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), in.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
            if (!p.waitFor(config.reports().pdfTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ProblemException(503, "report.pdf-timeout", "Service Unavailable", "PDF 转换超时，请稍后重试或导出 Word（DOCX）");
            }
            Path out = dir.resolve("report.pdf");
            if (p.exitValue() != 0 || !Files.exists(out)) {
                throw new ProblemException(503, "report.pdf-failed", "Service Unavailable", "PDF 转换失败，请导出 Word（DOCX）");
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "report.pdf-failed", "Service Unavailable", "PDF 转换被中断");
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a temp dir left behind is harmless
                }
            }
        }
    }
}
