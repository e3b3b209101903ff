package cn.qingfeng.task;

import cn.qingfeng.bulk.export.ExportFormat;
import cn.qingfeng.bulk.export.ExportParams;
import cn.qingfeng.bulk.export.LedgerExports;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.task.TaskViews.AssignmentView;
import cn.qingfeng.task.TaskViews.ProgressView;
import cn.qingfeng.task.TaskViews.RecordView;
import cn.qingfeng.task.TaskViews.UrgeView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Assignments", description = "承办: each unit's part of a task, with its own life")
public class AssignmentResource {

    @Inject
    AssignmentService service;

    @Inject
    TaskQueries queries;

    @Inject
    LedgerExports exports;

    @GET
    @Operation(operationId = "listAssignments", summary = "List assignments (a unit officer's: their units')",
            description = "Sorted by deadline by default.")
    public Page<AssignmentView> list(@BeanParam TaskFilters.Assignments filter, @BeanParam PageParams page) {
        return queries.assignments(filter, page);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "exportAssignments", summary = "Export the assignment list (xlsx or csv)",
            description = "The list's filters and sort, within the caller's scope, every row. Journaled (export.created).")
    @APIResponse(responseCode = "200", description = ExportFormat.RESPONSE, content = {
            @Content(mediaType = ExportFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam TaskFilters.Assignments filter, @BeanParam ExportParams export) {
        return exports.assignments(filter, export);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAssignment", summary = "One assignment")
    public AssignmentView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptAssignment", summary = "签收: accept (待签收 → 办理中)")
    public AssignmentView accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.accept(id, ETags.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(operationId = "submitAssignment", summary = "报送: submit for approval (办理中 → 已报送)")
    public AssignmentView submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @RequestBody(required = false) @Valid TaskRequests.Note request) {
        return service.submit(id, ETags.ifMatch(ifMatch), request == null ? null : request.note());
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveAssignment", summary = "办结: approve (已报送 → 已办结)")
    public AssignmentView approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @RequestBody(required = false) @Valid TaskRequests.Note request) {
        return service.approve(id, ETags.ifMatch(ifMatch), request == null ? null : request.note());
    }

    @POST
    @Path("/{id}/return")
    @Operation(operationId = "returnAssignment", summary = "退回: send back with a reason (已报送 → 办理中)")
    public AssignmentView sendBack(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull TaskRequests.Reason request) {
        return service.sendBack(id, ETags.ifMatch(ifMatch), request.reason());
    }

    @GET
    @Path("/{id}/progress")
    @Operation(operationId = "listAssignmentProgress", summary = "Progress reports, newest first")
    public Page<ProgressView> progress(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.progress(id, page);
    }

    @POST
    @Path("/{id}/progress")
    @Operation(operationId = "addAssignmentProgress", summary = "Report progress (进展)")
    public ProgressView addProgress(@PathParam("id") UUID id, @Valid @NotNull TaskRequests.AddProgress request) {
        return service.addProgress(id, request);
    }

    @GET
    @Path("/{id}/records")
    @Operation(operationId = "listAssignmentRecords", summary = "Execution records (工作记录)")
    public Page<RecordView> records(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.records(id, page);
    }

    @POST
    @Path("/{id}/records")
    @Operation(operationId = "addAssignmentRecord", summary = "Add an execution record (工作记录)")
    public RecordView addRecord(@PathParam("id") UUID id, @Valid @NotNull TaskRequests.AddRecord request) {
        return service.addRecord(id, request);
    }

    @GET
    @Path("/{id}/urges")
    @Operation(operationId = "listAssignmentUrges", summary = "Urges and replies")
    public Page<UrgeView> urges(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.urges(id, page);
    }

    @POST
    @Path("/{id}/urges")
    @Operation(operationId = "urgeAssignment", summary = "催办: urge the unit with a message")
    public UrgeView urge(@PathParam("id") UUID id, @Valid @NotNull TaskRequests.Urge request) {
        return service.urge(id, request.message());
    }

    @POST
    @Path("/{id}/urges/{urgeId}/reply")
    @Operation(operationId = "replyToUrge", summary = "Answer an urge")
    public UrgeView reply(@PathParam("id") UUID id, @PathParam("urgeId") UUID urgeId, @Valid @NotNull TaskRequests.Reply request) {
        return service.reply(id, urgeId, request.reply());
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getAssignmentTimeline", summary = "The assignment's journal, oldest first")
    public Page<EventView> timeline(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.assignmentTimeline(id, page);
    }
}
