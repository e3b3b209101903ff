package cn.qingfeng.bulk.read;

import cn.qingfeng.common.input.ArchiveInspector;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An xlsx workbook read sheet by sheet through SAX: rows stream by, nothing of a sheet is kept. The
 * container is inspected first (entries, inflated size, ratio, DTDs); formula cells give their
 * cached values and are never evaluated; date cells come as ISO dates whatever their display format.
 */
public final class XlsxFile implements TableFile {

    static {
        // POI's own guards, as tight as the inspection before them.
        ZipSecureFile.setMinInflateRatio(1.0 / TableFile.XLSX_LIMITS.maxRatio());
        ZipSecureFile.setMaxFileCount(TableFile.XLSX_LIMITS.maxEntries());
        ZipSecureFile.setMaxEntrySize(TableFile.XLSX_LIMITS.maxInflatedBytes());
    }

    private final Path file;

    XlsxFile(Path file) {
        this.file = file;
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public void read(RowSink sink) {
        ArchiveInspector.inspect(file, TableFile.XLSX_LIMITS);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    XMLReader parser = SAXHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(name, sink), new IsoDates(), false));
                    parser.parse(new InputSource(in));
                }
            }
        } catch (FromSink e) {
            throw e.failure;
        } catch (IOException | OpenXML4JException | SAXException | org.apache.poi.ooxml.POIXMLException
                 | org.apache.poi.openxml4j.exceptions.InvalidOperationException | org.apache.poi.util.RecordFormatException
                 | IllegalArgumentException | IllegalStateException e) {
            throw TableFile.unreadable("import.xlsx-unreadable", "xlsx 文件已损坏或不是有效的 Excel 工作簿");
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the receiver of the rows threw (a row limit, a cancel), carried through the parser untouched. */
    private static final class FromSink extends RuntimeException {
        final RuntimeException failure;

        FromSink(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** Collects one row's cells by their column letters (a blank cell is absent from the XML). */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();
        private int next;

        Rows(String sheet, RowSink sink) {
            this.sheet = sheet;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            next = 0;
        }

        @Override
        public void endRow(int rowNum) {
            try {
                sink.row(sheet, rowNum + 1, List.copyOf(cells));
            } catch (RuntimeException e) {
                throw new FromSink(e);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? next : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
            next = column + 1;
        }
    }

    /** Dates as 2023-04-05 whatever the cell's display format; other numbers in plain notation. */
    static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904);
                return t.toLocalDate().toString();
            }
            if (Double.isFinite(value)) {
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
