package cn.qingfeng.task;

import cn.qingfeng.bulk.export.ExportFormat;
import cn.qingfeng.bulk.export.ExportParams;
import cn.qingfeng.bulk.export.LedgerExports;
import cn.qingfeng.common.openapi.ApiErrors;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.web.Created;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.task.TaskViews.RecordCount;
import cn.qingfeng.task.TaskViews.TaskDetail;
import cn.qingfeng.task.TaskViews.TaskView;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Tasks", description = "督查督办: tasks issued to units and followed up")
public class TaskResource {

    @Inject
    Created created;

    @Inject
    TaskService service;

    @Inject
    TaskQueries queries;

    @Inject
    LedgerExports exports;

    @GET
    @Operation(operationId = "listTasks", summary = "List tasks",
            description = "Unit officers and viewers see the issued tasks of their units.")
    public Page<TaskView> list(@BeanParam TaskFilters.Tasks filter, @BeanParam PageParams page) {
        return queries.list(filter, page);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "exportTasks", summary = "Export the task list (xlsx or csv)",
            description = "The list's filters and sort, within the caller's scope, every row: the ledger's workbook columns, so the file imports back. Journaled (export.created).")
    @APIResponse(responseCode = "200", description = ExportFormat.RESPONSE, content = {
            @Content(mediaType = ExportFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam TaskFilters.Tasks filter, @BeanParam ExportParams export) {
        return exports.tasks(filter, export);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "A task with its assignments")
    public TaskDetail get(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @PermissionsAllowed("createTask")
    @Operation(operationId = "createTask", summary = "Create a task (a draft)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskDetail.class)))
    @Extension(name = ApiErrors.EXTENSION, value = "409")
    public RestResponse<TaskDetail> create(@Valid @NotNull TaskRequests.Create request) {
        TaskDetail made = service.create(request);
        return created.at("/api/v1/tasks/" + made.task().id(), made);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateTask", summary = "Edit a task",
            description = "After issue the change is journaled and a new deadline reaches the open assignments.")
    public TaskDetail update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull TaskRequests.Update request) {
        return service.update(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/{id}/issue")
    @Operation(operationId = "issueTask", summary = "Issue a draft to units (lead / co-operating)",
            description = "A recurring task becomes the template of its periods.")
    public TaskDetail issue(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull TaskRequests.Issue request) {
        return service.issue(id, ETags.ifMatch(ifMatch), request);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelTask", summary = "Cancel a task with a reason (never deleted)",
            description = "Open assignments are cancelled with it.")
    public TaskDetail cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull TaskRequests.Reason request) {
        return service.cancel(id, ETags.ifMatch(ifMatch), request.reason());
    }

    @GET
    @Path("/{id}/status")
    @Operation(operationId = "getTaskStatus", summary = "Where a task stands, per unit (for the OA to show)",
            description = "Status with zh-CN labels, each unit's assignment in the caller's scope with its warning light, "
                    + "and whether the work was done on time.")
    public TaskViews.StatusSummary status(@PathParam("id") UUID id) {
        return service.status(id);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getTaskTimeline", summary = "The task's journal with its visible assignments', oldest first")
    public Page<EventView> timeline(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.taskTimeline(id, page);
    }

    @GET
    @Path("/record-counts")
    @Operation(operationId = "countTaskRecords", summary = "Execution records counted by category and unit for a period",
            description = "What a report states as \"开展学习共计9次\".")
    public List<RecordCount> recordCounts(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                          @QueryParam("unitId") UUID unitId) {
        return queries.recordCounts(from, to, unitId);
    }
}
