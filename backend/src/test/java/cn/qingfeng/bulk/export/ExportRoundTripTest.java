package cn.qingfeng.bulk.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.bulk.SheetSchema;
import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.bulk.importing.Conflict;
import cn.qingfeng.bulk.importing.ImportContext;
import cn.qingfeng.bulk.importing.LedgerImporter;
import cn.qingfeng.bulk.importing.Outcome;
import cn.qingfeng.bulk.importing.RecordGroup;
import cn.qingfeng.bulk.importing.RectificationImporter;
import cn.qingfeng.bulk.importing.RiskImporter;
import cn.qingfeng.bulk.importing.SheetRow;
import cn.qingfeng.bulk.importing.TaskImporter;
import cn.qingfeng.bulk.read.TableFile;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.RunAs;
import cn.qingfeng.support.Api;
import cn.qingfeng.support.ContractCalls;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.unit.UnitRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The round trip: a ledger exported and read back by the import's own reader and importers with
 * conflict UPDATE changes nothing — every row is UNCHANGED and every record keeps its version.
 */
@QuarkusTest
class ExportRoundTripTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final RunAs.Person SUPERVISOR = new RunAs.Person("jiandu", "李明", "SJ-JGDW", Set.of("supervisor"));

    @Inject
    TaskImporter tasks;

    @Inject
    RectificationImporter rectifications;

    @Inject
    RiskImporter risks;

    @Inject
    UnitRepository units;

    @Inject
    Validator validator;

    @Test
    void exportedLedgersImportedAgainWithUpdateChangeNothing() throws Exception {
        String m = "往返" + UUID.randomUUID().toString().substring(0, 8);
        List<String> taskIds = List.of(ExportTest.task("=1+2 " + m, TODAY.plusDays(15), ExportTest.twoUnits()),
                ExportTest.task("草稿 " + m, TODAY.plusDays(16), Map.of()));
        Map<String, Object> oa = new HashMap<>(Map.of("title", "OA 来文 " + m, "category", "MEETING", "externalSource", "OA",
                "externalRef", "OA-" + m, "description", "第一行\n第二行"));
        taskIds = new ArrayList<>(taskIds);
        taskIds.add(Api.as("jiandu").body(oa).post("/api/v1/tasks").then().statusCode(201).extract().path("task.id"));

        Map<String, Object> problem = new HashMap<>(Map.of("title", "问题 " + m, "source", "INSPECTION_TOUR", "category", "SECRECY",
                "severity", "SERIOUS", "foundOn", TODAY.minusDays(3).toString(), "unitId", DemoUnits.VENUES_BRANCH.toString(),
                "responsibleLeader", "王建国", "responsiblePerson", "刘洋", "kind", "TIME_LIMITED",
                "deadline", TODAY.plusDays(60).toString()));
        problem.put("measures", List.of(Map.of("content", "-建立制度"), Map.of("content", "开展自查", "ownerName", "刘洋")));
        String item = Api.as("jiandu").body(problem).post("/api/v1/rectifications").then().statusCode(201).extract().path("item.id");

        Map<String, Object> riskBody = new HashMap<>(Map.of("name", "风险 " + m, "category", "INTEGRITY", "unitId",
                DemoUnits.SCHOOL.toString(), "manifestation", "表现", "reviewCycle", "QUARTERLY",
                "measures", List.of(Map.of("content", "定期排查"))));
        Response risk = Api.as("jiandu").body(riskBody).post("/api/v1/risks");
        String riskId = risk.then().statusCode(201).extract().path("risk.id");
        Api.as("jiandu").header("If-Match", risk.header("ETag")).body(Map.of("likelihood", 2, "impact", 5, "reason", "评级"))
                .post("/api/v1/risks/{id}/grading", riskId).then().statusCode(200);
        String plainRisk = Api.as("jiandu").body(new HashMap<>(Map.of("name", "未评级风险 " + m, "category", "OTHER",
                "unitId", DemoUnits.OFFICE.toString()))).post("/api/v1/risks").then().statusCode(201).extract().path("risk.id");

        Map<String, String> before = versions(taskIds, item, List.of(riskId, plainRisk));
        for (String format : List.of("xlsx", "csv")) {
            check(tasks, LedgerSchemas.TASKS.main(), "/api/v1/tasks/export", m, format, 3);
            check(rectifications, LedgerSchemas.RECTIFICATIONS.main(), "/api/v1/rectifications/export", m, format, 1);
            check(risks, LedgerSchemas.RISKS.main(), "/api/v1/risks/export", m, format, 2);
        }
        assertThat(versions(taskIds, item, List.of(riskId, plainRisk))).as("every record's version, read back").isEqualTo(before);
    }

    private static Map<String, String> versions(List<String> taskIds, String item, List<String> riskIds) {
        Map<String, String> out = new LinkedHashMap<>();
        taskIds.forEach(t -> out.put(t, ContractCalls.etag("/api/v1/tasks/" + t)));
        out.put(item, ContractCalls.etag("/api/v1/rectifications/" + item));
        riskIds.forEach(r -> out.put(r, ContractCalls.etag("/api/v1/risks/" + r)));
        return out;
    }

    /** Exports the ledger's rows with the marker, reads the file as the import does, applies every row with UPDATE. */
    private void check(LedgerImporter importer, SheetSchema sheet, String path, String marker, String format, int expected)
            throws Exception {
        byte[] bytes = ExportFiles.fetch("jiandu", path, Map.of("q", marker, "format", format)).asByteArray();
        Path file = Files.createTempFile("round-trip", "." + format);
        try {
            Files.write(file, bytes);
            List<SheetRow> rows = read(file, format, sheet);
            assertThat(rows).as(path + " " + format).hasSize(expected);
            UnitDirectory directory = new UnitDirectory(units.allInScope(DataScope.everything(), true));
            ImportContext ctx = new ImportContext(directory, validator, Conflict.UPDATE);
            for (SheetRow row : rows) {
                Outcome outcome = RunAs.as(SUPERVISOR, () -> QuarkusTransaction.requiringNew()
                        .call(() -> importer.apply(new RecordGroup(row, List.of()), ctx)));
                assertThat(outcome.kind()).as(path + " " + format + " row " + row.row() + " " + row.cells())
                        .isEqualTo(Outcome.Kind.UNCHANGED);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The main sheet's rows by column key, through the import's reader; other sheets are passed over. */
    private static List<SheetRow> read(Path file, String format, SheetSchema sheet) {
        Map<String, String> keyOf = new HashMap<>();
        for (Column c : sheet.columns()) {
            keyOf.put(c.header(), c.key());
        }
        List<SheetRow> out = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        TableFile.open(file, format.equals("csv") ? TableFile.Format.CSV : TableFile.Format.XLSX, "AUTO", sheet.name())
                .read((name, number, cells) -> {
                    if (!name.equals(sheet.name())) {
                        return;
                    }
                    if (number == 1) {
                        headers.addAll(cells);
                        return;
                    }
                    Map<String, String> byKey = new LinkedHashMap<>();
                    Map<String, String> headerOf = new LinkedHashMap<>();
                    for (int i = 0; i < headers.size(); i++) {
                        String key = keyOf.get(headers.get(i));
                        assertThat(key).as("header " + headers.get(i)).isNotNull();
                        byKey.put(key, i < cells.size() ? cells.get(i) : "");
                        headerOf.put(key, headers.get(i));
                    }
                    out.add(new SheetRow(sheet, name, number, byKey, headerOf));
                });
        return out;
    }
}
