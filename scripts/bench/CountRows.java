import java.io.File;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/** The data rows of an xlsx's first sheet (its header row not counted), read as a stream. */
public class CountRows {
    public static void main(String[] args) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new File(args[0]), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            var sheets = reader.getSheetsData();
            try (var in = sheets.next()) {
                String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int rows = xml.split("<row ", -1).length - 1;
                System.out.println(rows - 1);
            }
        }
    }
}
