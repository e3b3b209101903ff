package cn.qingfeng.bulk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 rows of a ledger's width through each writer, with the heap checked as they go: what
 * is held does not grow with the rows. Slow (tens of seconds), so not part of `make test`:
 * {@code ./mvnw test -Dtest=LargeExportTest -Dqf.large=true}.
 */
@EnabledIfSystemProperty(named = "qf.large", matches = "true")
class LargeExportTest {

    private static final int ROWS = 100_000;
    private static final int TEXTS = 12;

    @Test
    void xlsx(@TempDir Path dir) throws Exception {
        run(dir, ExportFormat.XLSX);
    }

    @Test
    void csv(@TempDir Path dir) throws Exception {
        run(dir, ExportFormat.CSV);
    }

    private static void run(Path dir, ExportFormat format) throws Exception {
        List<ExportColumn<Object[]>> columns = new ArrayList<>();
        for (int i = 0; i < TEXTS; i++) {
            int at = i;
            columns.add(ExportColumn.text("文本" + i, r -> (String) r[at]));
        }
        columns.add(ExportColumn.number("数字", r -> (Integer) r[TEXTS]));
        columns.add(ExportColumn.date("日期", r -> (LocalDate) r[TEXTS + 1]));
        ExportInfo info = new ExportInfo(UUID.randomUUID(), "大表", "测试", "test", null, Instant.now(), format, null, List.of());
        Path file = dir.resolve("large." + format.extension);
        long start = System.nanoTime();
        long baseline = used();
        long grown = 0;
        try (SheetWriter w = SheetWriter.open(format, file, "大表", columns, info)) {
            Object[] values = new Object[columns.size()];
            for (int r = 0; r < ROWS; r++) {
                for (int i = 0; i < TEXTS; i++) {
                    values[i] = "第" + r + "行的第" + i + "列：党风廉政建设专题学习记录 " + UUID.randomUUID();
                }
                values[TEXTS] = r;
                values[TEXTS + 1] = LocalDate.of(2026, 1, 1).plusDays(r % 365);
                w.row(values);
                if (r % 25_000 == 24_999) {
                    grown = Math.max(grown, used() - baseline);
                }
            }
            w.finish(ROWS);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("large export %s: %d rows in %d ms, %d KB, heap grew at most %d MB%n",
                format.extension, ROWS, ms, Files.size(file) / 1024, grown >> 20);
        assertThat(grown).as("heap held by the writer").isLessThan(64L << 20);
        assertThat(Files.size(file)).isGreaterThan(1L << 20);
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
