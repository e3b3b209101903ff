package cn.qingfeng.task;

import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.task.TaskViews.RecordView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Execution records across assignments: what the report's "学习共计9次" counts, listed. */
@Path("/api/v1/records")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Assignments")
public class RecordResource {

    @Inject
    TaskQueries queries;

    @GET
    @Operation(operationId = "listRecords", summary = "List execution records (a unit officer's: their units')",
            description = "Newest held first. Records are added on an assignment (POST /assignments/{id}/records).")
    public Page<RecordView> list(@BeanParam TaskFilters.Records filter, @BeanParam PageParams page) {
        return queries.allRecords(filter, page);
    }
}
