package cn.qingfeng.report;

import cn.qingfeng.attachment.ContentDisposition;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.web.Created;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.report.ReportViews.ReportSummary;
import cn.qingfeng.report.ReportViews.ReportView;
import cn.qingfeng.report.ReportViews.Revision;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Reports", description = "全面从严治党工作开展情况报告: drafted from the ledgers, edited, exported")
public class ReportResource {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    ReportService service;

    @Inject
    Created created;

    @GET
    @Operation(operationId = "listReports", summary = "Reports the caller may see, newest first")
    public Page<ReportSummary> list(@BeanParam PageParams page) {
        return service.list(page);
    }

    @POST
    @PermissionsAllowed("createReport")
    @Operation(operationId = "createReport", summary = "Draft the report of a period for a unit from the ledgers",
            description = "The seed report's structure: opening; 一、工作开展情况; 二、存在的问题; 三、防范化解风险的措施. "
                    + "Every figure keeps its drill and the records it came from. Journaled (report.generated).")
    @APIResponse(responseCode = "201", description = "Drafted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    public RestResponse<ReportView> create(@Valid @NotNull ReportRequests.Create request) {
        ReportView made = service.create(request);
        return created.at("/api/v1/reports/" + made.id(), made);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReport", summary = "One report with its sections and figures")
    public ReportView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateReport", summary = "Edit the title or sections (If-Match)",
            description = "A section's text null puts the drafted text back. Kept as a revision; journaled (report.edited).")
    public ReportView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull ReportRequests.Update request) {
        return service.update(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/{id}/refresh")
    @Operation(operationId = "refreshReport", summary = "Draft the figures again from the ledgers (If-Match)",
            description = "Edited sections keep the author's text; figures that moved are marked changed with their value "
                    + "before. Journaled (report.refreshed).")
    public ReportView refresh(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.refresh(id, ETags.ifMatch(ifMatch));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(operationId = "listReportRevisions", summary = "The report's saved states, newest first")
    public List<Revision> revisions(@PathParam("id") UUID id) {
        return service.revisions(id);
    }

    @GET
    @Path("/{id}/docx")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "exportReportDocx", summary = "The report as Word (GB/T 9704 layout or the admin's template)",
            description = "Journaled (report.exported).")
    @APIResponse(responseCode = "200", description = "The document (Content-Disposition: attachment)",
            content = @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response docx(@PathParam("id") UUID id,
                         @QueryParam("appendix") @DefaultValue("false") @Parameter(description = "Add the figures and their records as an appendix") boolean appendix) {
        byte[] bytes = service.docx(id, appendix);
        return file(bytes, DOCX, service.fileName(id, "docx"), "report.docx");
    }

    @GET
    @Path("/{id}/pdf")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "exportReportPdf", summary = "The report as PDF (LibreOffice on the server)",
            description = "503 report.pdf-unavailable where LibreOffice is not installed. Journaled (report.exported).")
    @APIResponse(responseCode = "200", description = "The document (Content-Disposition: attachment)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "503", description = "No LibreOffice here",
            content = @Content(mediaType = "application/problem+json"))
    public Response pdf(@PathParam("id") UUID id,
                        @QueryParam("appendix") @DefaultValue("false") boolean appendix) {
        byte[] bytes = service.pdf(id, appendix);
        return file(bytes, "application/pdf", service.fileName(id, "pdf"), "report.pdf");
    }

    static Response file(byte[] bytes, String type, String name, String ascii) {
        return Response.ok(bytes, type).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(name, ascii)).build();
    }
}
