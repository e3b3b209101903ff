package cn.qingfeng.bulk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.EnumLabels;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.support.Api;
import cn.qingfeng.task.TaskEnums;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The import templates, read back with POI: their sheets, lists, dropdowns, notes and example rows. */
@QuarkusTest
class ImportTemplateTest {

    private static XSSFWorkbook template(String user, String ledger) {
        Response r = Api.as(user).get("/api/v1/imports/templates/{ledger}", ledger);
        r.then().statusCode(200);
        assertThat(r.contentType()).startsWith(ExportFormat.XLSX_TYPE);
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"" + ledger + "-import-template.xlsx\"");
        return ExportFiles.xlsx(r.asByteArray());
    }

    /** Each list of {@code _lists} by its range name. */
    private static Map<String, List<String>> lists(XSSFWorkbook wb) {
        return wb.getAllNames().stream().collect(Collectors.toMap(Name::getNameName, n -> {
            AreaReference area = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion());
            assertThat(area.getFirstCell().getSheetName()).isEqualTo(ImportTemplates.LISTS);
            List<String> values = new ArrayList<>();
            XSSFSheet lists = wb.getSheet(ImportTemplates.LISTS);
            for (CellReference c : area.getAllReferencedCells()) {
                values.add(lists.getRow(c.getRow()).getCell(c.getCol()).getStringCellValue());
            }
            return values;
        }));
    }

    /** The dropdown's range name (or other formula) of a column, and its rows. */
    private static DataValidation validationOf(XSSFSheet sheet, int column) {
        return sheet.getDataValidations().stream()
                .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == column).findFirst().orElse(null);
    }

    @Test
    void theTaskTemplateHasItsSheetsListsDropdownsAndAnExample() throws Exception {
        try (XSSFWorkbook wb = template("jiandu", "tasks")) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("填写说明", "任务", "承办单位", "_lists");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("_lists"))).isTrue();
            assertThat(wb.isSheetHidden(0) || wb.isSheetHidden(1) || wb.isSheetHidden(2)).isFalse();

            // Every writable column is explained; read-only ones (状态) are left out.
            String instructions = text(wb.getSheet("填写说明"));
            for (Column c : LedgerSchemas.TASKS.main().writable()) {
                assertThat(instructions).contains(c.header());
            }
            assertThat(instructions).contains("理论学习、工作部署").contains("必填").contains("选填");

            XSSFSheet main = wb.getSheet("任务");
            List<Column> columns = LedgerSchemas.TASKS.main().writable();
            List<String> headers = new ArrayList<>();
            main.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(columns.stream().map(Column::header).toList()).doesNotContain("状态");
            XSSFCell title = main.getRow(0).getCell(headers.indexOf("任务标题"));
            assertThat(title.getCellStyle().getFont().getBold()).isTrue();
            assertThat(title.getCellStyle().getFont().getColor()).as("required: red").isEqualTo(
                    org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
            assertThat(main.getRow(0).getCell(headers.indexOf("任务依据")).getCellStyle().getFont().getColor())
                    .isNotEqualTo(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
            assertThat(title.getCellComment().getString().getString()).contains("必填");
            assertThat(main.getRow(0).getCell(headers.indexOf("办理期限")).getCellComment().getString().getString())
                    .contains("下发任务必须有办理期限");

            Map<String, List<String>> lists = lists(wb);
            assertThat(lists.get("lst_TaskEnums_Category")).containsExactlyElementsOf(EnumLabels.labels(TaskEnums.Category.class));
            assertThat(lists.get("lst_units")).contains("市体育局", "体育场馆管理中心", "体育运动学校");

            DataValidation category = validationOf(main, headers.indexOf("任务类别"));
            assertThat(category.getValidationConstraint().getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
            assertThat(category.getValidationConstraint().getFormula1()).isEqualTo("lst_TaskEnums_Category");
            assertThat(category.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            var rows = category.getRegions().getCellRangeAddress(0);
            assertThat(rows.getFirstRow()).as("from row 2").isEqualTo(1);
            assertThat(rows.getLastRow()).as("to row 10001").isEqualTo(10_000);
            assertThat(validationOf(main, headers.indexOf("优先级")).getValidationConstraint().getFormula1())
                    .isEqualTo("lst_TaskEnums_Priority");
            DataValidation issuing = validationOf(main, headers.indexOf("下发单位"));
            assertThat(issuing.getValidationConstraint().getFormula1()).isEqualTo("lst_units");
            assertThat(issuing.getErrorStyle()).as("a unit code is accepted too").isEqualTo(DataValidation.ErrorStyle.WARNING);
            assertThat(validationOf(main, headers.indexOf("任务标题"))).isNull();
            // OOXML's showDropDown="1" hides the arrow: no dropdown here may set it.
            assertThat(main.getCTWorksheet().getDataValidations().getDataValidationArray())
                    .allSatisfy(v -> assertThat(v.getShowDropDown()).isFalse());
            assertThat(wb.getSheet("承办单位").getDataValidations()).extracting(v -> v.getValidationConstraint().getFormula1())
                    .containsExactlyInAnyOrder("lst_units", "lst_TaskEnums_AssignmentRole");

            // The example row: a real date cell, a real unit, the schema's examples.
            Cell deadline = main.getRow(1).getCell(headers.indexOf("办理期限"));
            assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).hasToString("2026-06-30");
            assertThat(main.getRow(1).getCell(headers.indexOf("下发单位")).getStringCellValue()).isEqualTo("市体育局");
            assertThat(main.getRow(1).getCell(headers.indexOf("任务标题")).getStringCellValue()).isEqualTo("开展党风廉政建设专题学习");
            assertThat(main.getRow(1).getCell(headers.indexOf("外部编号")).getStringCellValue())
                    .as("the child sheet's example names this record").isEqualTo(LedgerSchemas.EXAMPLE_REF);
            assertThat(main.getColumnStyle(headers.indexOf("办理期限")).getDataFormatString()).isEqualTo("yyyy-mm-dd");
        }
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder b = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> b.append(c.toString()).append('\t')));
        return b.toString();
    }

    @Test
    void peopleAndUnitsAreTheCallersScopes() throws Exception {
        // People are known once they have used the API.
        Api.as("jiandu").get("/api/v1/me").then().statusCode(200);
        try (XSSFWorkbook wb = template("jiandu", "rectifications")) {
            assertThat(lists(wb).get("lst_people")).contains("李明");
            XSSFSheet main = wb.getSheet("整改事项");
            List<String> headers = new ArrayList<>();
            main.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(validationOf(main, headers.indexOf("责任人")).getValidationConstraint().getFormula1()).isEqualTo("lst_people");
            assertThat(wb.getSheet("整改措施").getRow(0).getCell(0).getStringCellValue()).isEqualTo("所属整改事项");
        }
        // The venues centre's officer: their units only, and no one outside them.
        Api.as("cg_officer").get("/api/v1/me").then().statusCode(200);
        try (XSSFWorkbook wb = template("cg_officer", "risks")) {
            Map<String, List<String>> lists = lists(wb);
            assertThat(lists.get("lst_units")).containsExactly("体育场馆管理中心", "场馆中心党支部");
            assertThat(lists.get("lst_people")).contains("刘洋").doesNotContain("李明");
            XSSFSheet main = wb.getSheet("风险点");
            List<String> headers = new ArrayList<>();
            main.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).doesNotContain("风险等级", "状态");
            DataValidation likelihood = validationOf(main, headers.indexOf("可能性"));
            assertThat(likelihood.getValidationConstraint().getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
            assertThat(main.getRow(1).getCell(headers.indexOf("可能性")).getNumericCellValue()).isEqualTo(3.0);
            assertThat(main.getRow(1).getCell(headers.indexOf("责任单位")).getStringCellValue()).isEqualTo("场馆中心党支部");
        }
    }

    @Test
    void anotherLedgerIsABadRequest() {
        Api.as("jiandu").get("/api/v1/imports/templates/{ledger}", "events").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("ledger"));
        Api.anonymous().get("/api/v1/imports/templates/tasks").then().statusCode(401);
    }
}
