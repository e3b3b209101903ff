package cn.qingfeng.bulk.job;

import cn.qingfeng.bulk.ColumnType;
import cn.qingfeng.bulk.importing.Conflict;
import cn.qingfeng.common.ledger.AllowedAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the import API answers. */
public final class ImportViews {

    private ImportViews() {
    }

    @Schema(name = "ImportCounts", description = "Rows of the main sheet and what became of them")
    public record Counts(int rows, int valid, int invalid, int created, int updated, int unchanged, int skipped, int rejected) {
        static Counts of(Map<String, Integer> m) {
            return new Counts(m.getOrDefault("rows", 0), m.getOrDefault("valid", 0), m.getOrDefault("invalid", 0),
                    m.getOrDefault("created", 0), m.getOrDefault("updated", 0), m.getOrDefault("unchanged", 0),
                    m.getOrDefault("skipped", 0), m.getOrDefault("rejected", 0));
        }
    }

    @Schema(name = "ImportHeader", description = "How one header of the file was matched to a column")
    public record Header(String sheet, String header, @Schema(description = "The column's key; absent: ignored") String key,
                         @Schema(description = "The column's Chinese header") String label) {
    }

    @Schema(name = "ImportProgress")
    public record Progress(@Schema(enumeration = {"VALIDATE", "COMMIT"}) String phase, int processed, int total, int percent,
                           double rowsPerSecond, @Schema(description = "Seconds left at the current pace") Long etaSeconds,
                           @Schema(description = "1, or more when a run was interrupted (the backend stopped) and started again") int attempt,
                           boolean running, boolean cancelRequested) {
    }

    @Schema(name = "ImportJob")
    public record Job(UUID id, @Schema(enumeration = {"tasks", "rectifications", "risks"}) String ledger, String fileName,
                      @Schema(enumeration = {"XLSX", "CSV"}) String format,
                      @Schema(description = "CSV: the encoding used", enumeration = {"UTF_8", "GB18030"}) String encoding,
                      ImportStatus status, Conflict conflict, boolean validRowsOnly, String createdByName, Instant createdAt,
                      Instant finishedAt, Counts counts, int problemCount, List<Header> headers, Progress progress,
                      @Schema(description = "Why it failed, for people") String failure, List<AllowedAction> allowedActions) {
    }

    @Schema(name = "ImportProblem")
    public record Problem(String sheet, @Schema(description = "The row as the spreadsheet numbers it") int row,
                          @Schema(description = "The column's header in the file; absent: the row as a whole") String column,
                          String value, String code, String message) {
    }

    @Schema(name = "ImportRecord", description = "What the commit did with one record's row")
    public record Record(int row, String ledger, UUID recordId, String code, String title,
                         @Schema(enumeration = {"CREATED", "UPDATED", "UNCHANGED", "SKIPPED"}) String outcome) {
    }

    @Schema(name = "ImportColumn")
    public record ColumnView(String key, String header, boolean required, ColumnType type, List<String> synonyms,
                             @Schema(description = "Allowed values (labels) of an ENUM column") List<String> options,
                             boolean readOnly, String note) {
    }

    @Schema(name = "ImportSheet")
    public record SheetView(String name, boolean child, List<ColumnView> columns) {
    }

    @Schema(name = "ImportLedger")
    public record LedgerView(@Schema(enumeration = {"tasks", "rectifications", "risks"}) String ledger, String label,
                             @Schema(description = "Whether the caller's role may import into it") boolean permitted,
                             List<SheetView> sheets) {
    }

    @Schema(name = "ImportMapping")
    public record Mapping(UUID id, String ledger, String name, Map<String, Map<String, String>> mapping, Instant createdAt) {
    }
}
