package cn.qingfeng.bulk.job;

import cn.qingfeng.bulk.importing.Conflict;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the import API. */
public final class ImportRequests {

    private ImportRequests() {
    }

    @Schema(name = "RevalidateImport", description = "Run the dry run again with another header mapping or conflict mode")
    public record Revalidate(@Size(max = 10) Map<@Size(max = 100) String, @NotNull @Size(max = 200) Map<@Size(max = 200) String, @NotNull @Size(max = 50) String>> mapping,
                             Conflict conflict) {
    }

    @Schema(name = "CommitImport")
    public record Commit(@NotNull @Schema(description = "true: import the valid rows and report the rest; false: all or nothing") Boolean validRowsOnly) {
    }

    @Schema(name = "SaveImportMapping")
    public record SaveMapping(@NotBlank @Pattern(regexp = "tasks|rectifications|risks", message = "台账只能是 tasks、rectifications 或 risks") String ledger,
                              @NotBlank @Size(max = 100) String name,
                              @NotNull @Size(max = 10) Map<@Size(max = 100) String, @NotNull @Size(max = 100) Map<@Size(max = 200) String, @NotNull @Size(max = 50) String>> mapping) {
    }
}
