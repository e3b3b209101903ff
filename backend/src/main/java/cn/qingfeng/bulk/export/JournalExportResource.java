package cn.qingfeng.bulk.export;

import cn.qingfeng.journal.EventFilter;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit journal as a file, for those who may read it. */
@Path("/api/v1/journal/events/export")
@Tag(name = "Journal")
public class JournalExportResource {

    @Inject
    LedgerExports exports;

    @GET
    @PermissionsAllowed("exportEvents")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "exportEvents", summary = "Export journal events, newest first (xlsx or csv)",
            description = "The filters of listEvents; time, actor, client, action, record and changes in words. "
                    + "Journaled once for the whole file (export.created), not per page as the list is.")
    @APIResponse(responseCode = "200", description = ExportFormat.RESPONSE, content = {
            @Content(mediaType = ExportFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam EventFilter filter, @BeanParam ExportParams export) {
        return exports.events(filter, export);
    }
}
