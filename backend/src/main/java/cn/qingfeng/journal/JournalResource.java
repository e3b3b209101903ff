package cn.qingfeng.journal;

import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journal", description = "审计日志: the append-only journal of every change")
public class JournalResource {

    @Inject
    JournalService service;

    @GET
    @PermissionsAllowed("listEvents")
    @Operation(operationId = "listEvents", summary = "List journal events, newest first",
            description = "Filters combine with AND. Every call is itself journaled (journal.read).")
    public Page<EventView> list(@BeanParam EventFilter filter, @BeanParam PageParams page) {
        return service.list(filter, page);
    }

    @GET
    @Path("/verification")
    @PermissionsAllowed("verifyJournal")
    @Operation(operationId = "verifyJournal", summary = "Verify the journal's hash chain",
            description = "Recomputes every link and reports the first broken one. Journaled (journal.verified).")
    public ChainReport verify() {
        return service.verify();
    }
}
