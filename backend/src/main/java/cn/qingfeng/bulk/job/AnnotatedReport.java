package cn.qingfeng.bulk.job;

import cn.qingfeng.bulk.read.TableFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The dry run's report as a workbook: per sheet, the header row and every row with a problem, as
 * the file had them, with a 问题说明 column; the offending cells filled. Streamed (SXSSF) row by row.
 */
final class AnnotatedReport {

    private AnnotatedReport() {
    }

    static Path write(Path source, TableFile table, List<ImportProblemEntity> problems) {
        Map<String, Map<Integer, StringBuilder>> notes = new HashMap<>();
        Map<String, Map<Integer, Set<String>>> badColumns = new HashMap<>();
        for (ImportProblemEntity p : problems) {
            notes.computeIfAbsent(p.sheet, k -> new HashMap<>()).computeIfAbsent(p.row, k -> new StringBuilder())
                    .append(notes.get(p.sheet).get(p.row).isEmpty() ? "" : "；").append(p.columnName == null ? "" : p.columnName + "：").append(p.message);
            if (p.columnName != null) {
                badColumns.computeIfAbsent(p.sheet, k -> new HashMap<>()).computeIfAbsent(p.row, k -> new HashSet<>()).add(p.columnName);
            }
        }
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle bad = book.createCellStyle();
            bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Map<String, Sheet> sheets = new HashMap<>();
            Map<String, List<String>> headers = new HashMap<>();
            Map<String, int[]> counters = new HashMap<>();
            table.read((sheetName, rowNumber, cells) -> {
                Map<Integer, StringBuilder> sheetNotes = notes.get(sheetName);
                if (sheetNotes == null || cells.stream().allMatch(String::isBlank)) {
                    return;
                }
                Sheet sheet = sheets.computeIfAbsent(sheetName, n -> book.createSheet(n.length() > 31 ? n.substring(0, 31) : n));
                boolean header = !headers.containsKey(sheetName);
                if (!header && !sheetNotes.containsKey(rowNumber)) {
                    return;
                }
                int[] next = counters.computeIfAbsent(sheetName, n -> new int[]{0});
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(header ? "原行号" : String.valueOf(rowNumber));
                Set<String> badHere = badColumns.getOrDefault(sheetName, Map.of()).getOrDefault(rowNumber, Set.of());
                for (int i = 0; i < cells.size(); i++) {
                    var cell = row.createCell(i + 1);
                    cell.setCellValue(cells.get(i));
                    if (header) {
                        cell.setCellStyle(bold);
                    } else if (i < headers.get(sheetName).size() && badHere.contains(headers.get(sheetName).get(i))) {
                        cell.setCellStyle(bad);
                    }
                }
                int noteColumn = header ? cells.size() + 1 : headers.get(sheetName).size() + 1;
                var note = row.createCell(Math.max(noteColumn, cells.size() + 1));
                note.setCellValue(header ? "问题说明" : sheetNotes.getOrDefault(rowNumber, new StringBuilder()).toString());
                if (header) {
                    note.setCellStyle(bold);
                    headers.put(sheetName, cells.stream().map(String::strip).toList());
                    if (sheetNotes.containsKey(rowNumber)) {
                        // A problem of the header row itself (a missing column): its own row under the headers.
                        Row r = sheet.createRow(next[0]++);
                        r.createCell(0).setCellValue(String.valueOf(rowNumber));
                        r.createCell(cells.size() + 1).setCellValue(sheetNotes.get(rowNumber).toString());
                    }
                }
            });
            Path out = Files.createTempFile("qingfeng-import-report-", ".xlsx");
            try (OutputStream os = Files.newOutputStream(out)) {
                book.write(os);
            }
            book.dispose();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(source);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }
}
