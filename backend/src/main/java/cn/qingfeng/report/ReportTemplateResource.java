package cn.qingfeng.report;

import cn.qingfeng.report.ReportViews.TemplateInfo;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Word template reports are exported through; admins replace it without a release. */
@Path("/api/v1/report-template")
@Authenticated
@Tag(name = "Reports")
public class ReportTemplateResource {

    @Inject
    ReportService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReportTemplateInfo", summary = "Which template is in use, and the placeholders it may hold")
    public TemplateInfo info() {
        return service.templateInfo();
    }

    @GET
    @Path("/docx")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadReportTemplate", summary = "The template in use (the built-in one unless replaced), to edit in Word")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = ReportResource.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download() {
        return ReportResource.file(service.template(), ReportResource.DOCX, "报告模板.docx", "report-template.docx");
    }

    @PUT
    @Consumes(ReportResource.DOCX)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("replaceReportTemplate")
    @Operation(operationId = "replaceReportTemplate", summary = "Put a Word template in place of the current one",
            description = "The body is the .docx; it must hold a body placeholder ({{part:WORK}} …). Journaled (report.template_replaced).")
    @RequestBody(content = @Content(mediaType = ReportResource.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public TemplateInfo replace(byte[] content, @QueryParam("fileName") String fileName) {
        return service.replaceTemplate(content, fileName);
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("resetReportTemplate")
    @Operation(operationId = "resetReportTemplate", summary = "Go back to the built-in template. Journaled (report.template_reset).")
    public TemplateInfo reset() {
        return service.resetTemplate();
    }
}
