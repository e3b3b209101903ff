package cn.qingfeng.rectification;

import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.rectification.RectificationViews.ItemDetail;
import cn.qingfeng.rectification.RectificationViews.ItemView;
import cn.qingfeng.rectification.RectificationViews.RectificationProgressView;
import cn.qingfeng.rectification.RectificationViews.Stats;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/rectifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rectifications", description = "整改台账: problems tracked to a verified close-off (销号)")
public class RectificationResource {

    @Inject
    RectificationService service;

    @Inject
    RectificationQueries queries;

    @GET
    @Authenticated
    @Operation(operationId = "listRectifications", summary = "List rectification items", description = "Roles: any, within scope.")
    public Page<ItemView> list(@BeanParam RectificationFilter filter, @BeanParam PageParams page) {
        return queries.list(filter, page);
    }

    @GET
    @Path("/stats")
    @Authenticated
    @Operation(operationId = "getRectificationStats", summary = "Counts and rates of the items found in a period",
            description = "Roles: any, within scope. 整改完成率 = closed / total; 按时完成率 = closed by the deadline / closed time-limited.")
    public Stats stats(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return queries.stats(from, to);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getRectification", summary = "An item with its measures and close-offs", description = "Roles: any, within scope.")
    public ItemDetail get(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "createRectification", summary = "Register a problem (with its first measures)", description = "Roles: supervisor.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemDetail.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public RestResponse<ItemDetail> create(@Valid @NotNull RectificationRequests.Create request, @Context UriInfo uri) {
        ItemDetail created = service.create(request);
        return RestResponse.ResponseBuilder.<ItemDetail>created(uri.getAbsolutePathBuilder().path(created.item().id().toString()).build())
                .entity(created).tag(ETags.of(created.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "updateRectification", summary = "Edit an item", description = "Roles: supervisor. Requires If-Match.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RectificationRequests.Update request) {
        return service.update(id, ETags.required(ifMatch), request);
    }

    @POST
    @Path("/{id}/measures")
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT_OFFICER})
    @Operation(operationId = "addRectificationMeasure", summary = "Add a measure (整改措施)", description = "Roles: supervisor, unit_officer of the unit.")
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public ItemDetail addMeasure(@PathParam("id") UUID id, @Valid @NotNull RectificationRequests.AddMeasure request) {
        return service.addMeasure(id, request);
    }

    @POST
    @Path("/{id}/measures/{measureId}/done")
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT_OFFICER})
    @Operation(operationId = "completeRectificationMeasure", summary = "Mark a measure done", description = "Roles: unit_officer, supervisor. If-Match: the measure's version.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail done(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.completeMeasure(id, measureId, ETags.required(ifMatch));
    }

    @POST
    @Path("/{id}/measures/{measureId}/waive")
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT_OFFICER})
    @Operation(operationId = "waiveRectificationMeasure", summary = "Waive a measure with a reason", description = "Roles: unit_officer, supervisor. If-Match: the measure's version.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail waive(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RectificationRequests.Reason request) {
        return service.waiveMeasure(id, measureId, ETags.required(ifMatch), request.reason());
    }

    @POST
    @Path("/{id}/measures/{measureId}/reopen")
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT_OFFICER})
    @Operation(operationId = "reopenRectificationMeasure", summary = "Set a measure open again", description = "Roles: unit_officer, supervisor. If-Match: the measure's version.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail reopenMeasure(@PathParam("id") UUID id, @PathParam("measureId") UUID measureId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.reopenMeasure(id, measureId, ETags.required(ifMatch));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed(Roles.UNIT_OFFICER)
    @Operation(operationId = "startRectification", summary = "开始整改 (待整改 → 整改中)", description = "Roles: unit_officer of the unit. Requires If-Match.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.start(id, ETags.required(ifMatch));
    }

    @GET
    @Path("/{id}/progress")
    @Authenticated
    @Operation(operationId = "listRectificationProgress", summary = "Progress reports, newest first", description = "Roles: any, within scope.")
    public Page<RectificationProgressView> progress(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.progress(id, page);
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed(Roles.UNIT_OFFICER)
    @Operation(operationId = "addRectificationProgress", summary = "Report progress", description = "Roles: unit_officer of the unit, while 整改中.")
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public RectificationProgressView addProgress(@PathParam("id") UUID id, @Valid @NotNull RectificationRequests.AddProgress request) {
        return service.addProgress(id, request);
    }

    @POST
    @Path("/{id}/apply")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "applyRectificationClose", summary = "申请销号 (整改中 → 申请销号)",
            description = "Roles: unit_officer of the unit, or a supervisor filing for it. Requires If-Match. 409 rectification.measures-open, rectification.no-evidence.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail apply(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.apply(id, ETags.required(ifMatch));
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "verifyRectificationClose", summary = "销号: verify and close, freezing the evidence",
            description = "Roles: supervisor other than the applicant. Requires If-Match. 409 rectification.self-verification, "
                    + "rectification.measures-open, rectification.no-evidence.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail verify(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RectificationRequests.Verify request) {
        return service.verify(id, ETags.required(ifMatch), request);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "rejectRectificationClose", summary = "驳回 an application with a reason", description = "Roles: supervisor. Requires If-Match.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RectificationRequests.Reason request) {
        return service.reject(id, ETags.required(ifMatch), request.reason());
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "reopenRectification", summary = "反弹: reopen a closed item into a new cycle", description = "Roles: supervisor. Requires If-Match.")
    @Extension(name = ApiErrors.EXTENSION, value = "409,412,428")
    public ItemDetail reopen(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RectificationRequests.Reason request) {
        return service.reopen(id, ETags.required(ifMatch), request.reason());
    }

    @GET
    @Path("/{id}/timeline")
    @Authenticated
    @Operation(operationId = "getRectificationTimeline", summary = "The item's journal, oldest first", description = "Roles: any, within scope.")
    public Page<EventView> timeline(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.timeline(id, page);
    }
}
