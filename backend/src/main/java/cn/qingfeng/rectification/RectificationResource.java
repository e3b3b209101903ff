package cn.qingfeng.rectification;

import cn.qingfeng.bulk.export.ExportFormat;
import cn.qingfeng.bulk.export.ExportParams;
import cn.qingfeng.bulk.export.LedgerExports;
import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.web.Created;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.rectification.RectificationViews.ItemDetail;
import cn.qingfeng.rectification.RectificationViews.ItemView;
import cn.qingfeng.rectification.RectificationViews.RectificationProgressView;
import cn.qingfeng.rectification.RectificationViews.Stats;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 整改台账. Who may take each action is {@link RectificationLifecycle}'s to say; the service asks it. */
@Path("/api/v1/rectifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Rectifications", description = "整改台账: problems tracked to a verified close-off (销号)")
public class RectificationResource {

    @Inject
    Created created;

    @Inject
    RectificationService service;

    @Inject
    RectificationQueries queries;

    @Inject
    LedgerExports exports;

    @GET
    @Operation(operationId = "listRectifications", summary = "List rectification items")
    public Page<ItemView> list(@BeanParam RectificationFilter filter, @BeanParam PageParams page) {
        return queries.list(filter, page);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "exportRectifications", summary = "Export the rectification list (xlsx or csv)",
            description = "The list's filters and sort, within the caller's scope, every row: the ledger's workbook columns, so the file imports back. Journaled (export.created).")
    @APIResponse(responseCode = "200", description = ExportFormat.RESPONSE, content = {
            @Content(mediaType = ExportFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam RectificationFilter filter, @BeanParam ExportParams export) {
        return exports.rectifications(filter, export);
    }

    @GET
    @Path("/stats")
    @Operation(operationId = "getRectificationStats", summary = "Counts and rates of the items found in a period",
            description = "整改完成率 = closed / total; 按时完成率 = closed by the deadline / closed time-limited.")
    public Stats stats(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return queries.stats(from, to);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRectification", summary = "An item with its measures and close-offs")
    public ItemDetail get(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @PermissionsAllowed("createRectification")
    @Operation(operationId = "createRectification", summary = "Register a problem (with its first measures)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemDetail.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public RestResponse<ItemDetail> create(@Valid @NotNull RectificationRequests.Create request) {
        ItemDetail made = service.create(request);
        return created.at("/api/v1/rectifications/" + made.item().id(), made);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateRectification", summary = "Edit an item")
    public ItemDetail update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RectificationRequests.Update request) {
        return service.update(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/{id}/measures")
    @Operation(operationId = "addRectificationMeasure", summary = "Add a measure (整改措施)")
    public ItemDetail addMeasure(@PathParam("id") UUID id, @Valid @NotNull MeasureRequests.Add request) {
        return service.addMeasure(id, request);
    }

    @POST
    @Path("/{id}/measures/{measureId}/done")
    @Operation(operationId = "completeRectificationMeasure", summary = "Mark a measure done", description = "If-Match: the measure's version.")
    public ItemDetail done(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.completeMeasure(id, measureId, ETags.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/measures/{measureId}/waive")
    @Operation(operationId = "waiveRectificationMeasure", summary = "Waive a measure with a reason", description = "If-Match: the measure's version.")
    public ItemDetail waive(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RectificationRequests.Reason request) {
        return service.waiveMeasure(id, measureId, ETags.ifMatch(ifMatch), request.reason());
    }

    @POST
    @Path("/{id}/measures/{measureId}/reopen")
    @Operation(operationId = "reopenRectificationMeasure", summary = "Set a measure open again", description = "If-Match: the measure's version.")
    public ItemDetail reopenMeasure(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.reopenMeasure(id, measureId, ETags.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/start")
    @Operation(operationId = "startRectification", summary = "开始整改 (待整改 → 整改中)")
    public ItemDetail start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.start(id, ETags.ifMatch(ifMatch));
    }

    @GET
    @Path("/{id}/progress")
    @Operation(operationId = "listRectificationProgress", summary = "Progress reports, newest first")
    public Page<RectificationProgressView> progress(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.progress(id, page);
    }

    @POST
    @Path("/{id}/progress")
    @Operation(operationId = "addRectificationProgress", summary = "Report progress")
    public RectificationProgressView addProgress(@PathParam("id") UUID id, @Valid @NotNull RectificationRequests.AddProgress request) {
        return service.addProgress(id, request);
    }

    @POST
    @Path("/{id}/apply")
    @Operation(operationId = "applyRectificationClose", summary = "申请销号 (整改中 → 申请销号)",
            description = "A supervisor may file it for the unit.")
    public ItemDetail apply(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.apply(id, ETags.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/verify")
    @Operation(operationId = "verifyRectificationClose", summary = "销号: verify and close, freezing the evidence",
            description = "By a supervisor other than the applicant.")
    public ItemDetail verify(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RectificationRequests.Verify request) {
        return service.verify(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectRectificationClose", summary = "驳回 an application with a reason")
    public ItemDetail reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RectificationRequests.Reason request) {
        return service.reject(id, ETags.ifMatch(ifMatch), request.reason());
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(operationId = "reopenRectification", summary = "反弹: reopen a closed item into a new cycle")
    public ItemDetail reopen(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RectificationRequests.Reason request) {
        return service.reopen(id, ETags.ifMatch(ifMatch), request.reason());
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getRectificationTimeline", summary = "The item's journal, oldest first")
    public Page<EventView> timeline(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.timeline(id, page);
    }
}
