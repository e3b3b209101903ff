package cn.qingfeng.bulk.export;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What an export takes beside its list's filters: the file format and the list's sort (the rows
 * come in the order the list would show them). Paging is the export's own business.
 */
public class ExportParams {

    @QueryParam("format")
    @Parameter(description = "xlsx (default) or csv",
            schema = @Schema(type = SchemaType.STRING, pattern = "^(xlsx|csv)$", defaultValue = "xlsx"))
    public String format;

    @QueryParam("sort")
    @Parameter(description = "The list's sort fields, comma-separated; a leading '-' sorts descending")
    public String sort;
}
