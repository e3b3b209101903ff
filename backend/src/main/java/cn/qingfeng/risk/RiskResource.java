package cn.qingfeng.risk;

import cn.qingfeng.bulk.export.ExportFormat;
import cn.qingfeng.bulk.export.ExportParams;
import cn.qingfeng.bulk.export.LedgerExports;
import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.web.Created;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.risk.RiskViews.Heatmap;
import cn.qingfeng.risk.RiskViews.RiskDetail;
import cn.qingfeng.risk.RiskViews.RiskReportView;
import cn.qingfeng.risk.RiskViews.RiskReviewView;
import cn.qingfeng.risk.RiskViews.RiskView;
import cn.qingfeng.measure.MeasureRequests;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/risks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Risks", description = "风险台账: risk points graded, controlled, reviewed (研判) and reported on time")
public class RiskResource {

    @Inject
    Created created;

    @Inject
    RiskService service;

    @Inject
    RiskQueries queries;

    @Inject
    LedgerExports exports;

    @GET
    @Operation(operationId = "listRisks", summary = "List risks")
    public Page<RiskView> list(@BeanParam RiskFilter filter, @BeanParam PageParams page) {
        return queries.list(filter, page);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "exportRisks", summary = "Export the risk list (xlsx or csv)",
            description = "The list's filters and sort, within the caller's scope, every row: the ledger's workbook columns, so the file imports back. Journaled (export.created).")
    @APIResponse(responseCode = "200", description = ExportFormat.RESPONSE, content = {
            @Content(mediaType = ExportFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam RiskFilter filter, @BeanParam ExportParams export) {
        return exports.risks(filter, export);
    }

    @GET
    @Path("/heatmap")
    @Operation(operationId = "getRiskHeatmap", summary = "Risks per likelihood × impact cell (inherent or residual)",
            description = "Takes the list's filters; closed risks only with includeClosed=true or a status filter.")
    public Heatmap heatmap(@BeanParam RiskFilter filter) {
        return queries.heatmap(filter);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRisk", summary = "A risk with measures, grading history, reviews, reports and obligations")
    public RiskDetail get(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @PermissionsAllowed("createRisk")
    @Operation(operationId = "createRisk", summary = "Register a risk point (with its first control measures)",
            description = "Grading is a separate act of a supervisor.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RiskDetail.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public RestResponse<RiskDetail> create(@Valid @NotNull RiskRequests.Create request) {
        RiskDetail made = service.create(request);
        return created.at("/api/v1/risks/" + made.risk().id(), made);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateRisk", summary = "Edit a risk (not its grade)")
    public RiskDetail update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RiskRequests.Update request) {
        return service.update(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/{id}/grading")
    @Operation(operationId = "gradeRisk", summary = "Grade a risk on the current matrix",
            description = "The grade, its matrix version and the grade it replaced are kept.")
    public RiskDetail grade(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull RiskRequests.Grade request) {
        return service.grade(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/{id}/regrading")
    @Operation(operationId = "regradeRisk", summary = "Re-grade the same likelihood and impact under the newest matrix")
    public RiskDetail regrade(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull RiskRequests.Reason request) {
        return service.regrade(id, ETags.ifMatch(ifMatch), request.reason());
    }

    @POST
    @Path("/{id}/measures")
    @Operation(operationId = "addRiskMeasure", summary = "Add a control measure (管控措施)")
    public RiskDetail addMeasure(@PathParam("id") UUID id, @Valid @NotNull MeasureRequests.Add request) {
        return service.addMeasure(id, request);
    }

    @POST
    @Path("/{id}/measures/{measureId}/done")
    @Operation(operationId = "completeRiskMeasure", summary = "Mark a control measure done", description = "If-Match: the measure's version.")
    public RiskDetail done(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(required = false) @Valid MeasureRequests.Complete request) {
        return service.completeMeasure(id, measureId, ETags.ifMatch(ifMatch), request == null ? null : request.evidence());
    }

    @POST
    @Path("/{id}/measures/{measureId}/reopen")
    @Operation(operationId = "reopenRiskMeasure", summary = "Set a control measure open again", description = "If-Match: the measure's version.")
    public RiskDetail reopenMeasure(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.reopenMeasure(id, measureId, ETags.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/start-control")
    @Operation(operationId = "startRiskControl", summary = "管控中: graded and with measures")
    public RiskDetail startControl(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.startControl(id, ETags.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/controlled")
    @Operation(operationId = "markRiskControlled", summary = "已受控: every measure done, residual grade recorded")
    public RiskDetail controlled(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.markControlled(id, ETags.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeRisk", summary = "已关闭, with a reason; reviews stop")
    public RiskDetail close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull RiskRequests.Reason request) {
        return service.close(id, ETags.ifMatch(ifMatch), request.reason());
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(operationId = "reopenRisk", summary = "Back to 管控中 with a reason")
    public RiskDetail reopen(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RiskRequests.Reason request) {
        return service.reopen(id, ETags.ifMatch(ifMatch), request.reason());
    }

    @POST
    @Path("/{id}/reviews")
    @Operation(operationId = "createRiskReview", summary = "Record a review (研判)",
            description = "Requires the risk's If-Match. Answers the due review; a new likelihood/impact changes the grade, "
                    + "a raise to 重大 opens a report obligation. A unit_officer may raise a grade, not lower it, neither the inherent nor the residual level "
                    + "(403 risk.lowering-forbidden): lowering is a supervisor's grading decision.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RiskReviewView.class)))
    public RestResponse<RiskReviewView> review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                               @Valid @NotNull RiskRequests.Review request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.review(id, ETags.ifMatch(ifMatch), request));
    }

    @POST
    @Path("/{id}/reports")
    @Operation(operationId = "createRiskReport", summary = "Report the risk to the bureau (answers a report obligation)",
            description = "On time when recorded by the due moment.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RiskReportView.class)))
    public RestResponse<RiskReportView> report(@PathParam("id") UUID id, @Valid @NotNull RiskRequests.Report request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.report(id, request));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getRiskTimeline", summary = "The risk's journal, oldest first")
    public Page<EventView> timeline(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.timeline(id, page);
    }
}
