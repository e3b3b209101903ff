package cn.qingfeng.bulk;

import cn.qingfeng.bulk.export.ExportFormat;
import cn.qingfeng.bulk.export.ImportTemplates;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The blank workbook of each ledger, to fill in and import. */
@Path("/api/v1/imports/templates")
@Authenticated
@Tag(name = "Imports", description = "批量导入: spreadsheets and CSV into the ledgers, dry run first, through the ledgers' own rules")
public class ImportTemplateResource {

    @Inject
    ImportTemplates templates;

    @GET
    @Path("/{ledger}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getImportTemplate", summary = "The import template of a ledger (xlsx)",
            description = "A 填写说明 sheet, the ledger's sheets with noted headers, an example row and dropdowns "
                    + "(choices, and the units and people of the caller's scope). Another ledger than tasks, "
                    + "rectifications or risks answers 400.")
    @APIResponse(responseCode = "200", description = "The template (Content-Disposition: attachment)",
            content = @Content(mediaType = ExportFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response template(@PathParam("ledger")
                             @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"tasks", "rectifications", "risks"}))
                             String ledger) {
        BulkLedger l = BulkLedger.of(ledger);
        return Response.ok(templates.template(l), ExportFormat.XLSX_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, cn.qingfeng.attachment.ContentDisposition.attachment(
                        ImportTemplates.fileName(l), l.path + "-import-template.xlsx"))
                .build();
    }
}
