package cn.qingfeng.unit;

import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.web.Created;
import cn.qingfeng.common.web.ETags;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Units", description = "组织机构: the unit tree (bureau → departments / affiliated units → branches)")
public class UnitResource {

    @Inject
    Created created;

    @Inject
    UnitService service;

    @GET
    @Operation(operationId = "listUnits", summary = "List units (flat, paged)",
            description = "Callers with a unit scope see their unit and the units below it.")
    public Page<UnitView> list(@BeanParam UnitFilter filter, @BeanParam PageParams page) {
        return service.list(filter, page);
    }

    @GET
    @Path("/tree")
    @Operation(operationId = "getUnitTree", summary = "The unit tree within the caller's scope",
            description = "The whole organisation is one tree of a few hundred units at most, so it is not paged.")
    public List<UnitTreeNode> tree(@QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive) {
        return service.tree(includeInactive);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUnit", summary = "One unit")
    public UnitView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getUnitTimeline", summary = "The unit's journal (changes, documents), oldest first")
    public Page<cn.qingfeng.journal.EventView> timeline(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.timeline(id, page);
    }

    @POST
    @PermissionsAllowed("createUnit")
    @Operation(operationId = "createUnit", summary = "Create a unit under a parent")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitView.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public RestResponse<UnitView> create(@Valid @NotNull UnitRequests.Create request) {
        UnitView made = service.create(request);
        return created.at("/api/v1/units/" + made.id(), made);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateUnit", summary = "Rename a unit or change its position among siblings")
    public UnitView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UnitRequests.Update request) {
        return service.update(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/{id}/move")
    @Operation(operationId = "moveUnit", summary = "Move a unit (with everything below it) under another parent")
    public UnitView move(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull UnitRequests.Move request) {
        return service.move(id, ETags.ifMatch(ifMatch), request.parentId());
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(operationId = "deactivateUnit", summary = "Deactivate a unit")
    public UnitView deactivate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @RequestBody(required = false) @Valid UnitRequests.Deactivate request) {
        return service.deactivate(id, ETags.ifMatch(ifMatch), request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/activate")
    @Operation(operationId = "activateUnit", summary = "Activate a deactivated unit")
    public UnitView activate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.activate(id, ETags.ifMatch(ifMatch));
    }
}
