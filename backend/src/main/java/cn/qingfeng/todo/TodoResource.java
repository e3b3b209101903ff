package cn.qingfeng.todo;

import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.user.UserDirectory;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/todos")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Me")
public class TodoResource {

    @Inject
    TodoQueries queries;

    @Inject
    UserDirectory directory;

    @Inject
    CurrentUser caller;

    @GET
    @Operation(operationId = "listMyTodos", summary = "我的待办: the caller's to-dos, one per matter, most urgent first",
            description = "The same records the OA's unified to-do list gets (todo.* events): one per matter with all "
                    + "its reasons (kinds). Open ones by default, nearest deadline first (none last), then the longest "
                    + "waiting; other states newest change first. Officers are asked for their unit and the units below "
                    + "it; supervisors for every unit.")
    public Page<TodoView> list(@BeanParam TodoFilter filter, @BeanParam PageParams page) {
        known();
        return queries.list(filter, page);
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "getMyTodoSummary", summary = "The caller's open, unread and overdue to-dos, counted")
    public TodoSummary summary() {
        known();
        return queries.summary();
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markTodoRead", summary = "Marks one of the caller's to-dos read",
            description = "Another person's to-do is not found. Reading is the caller's own view, not a change of the matter: not journaled.")
    @APIResponse(responseCode = "204", description = "Marked read (or it already was)")
    public void markRead(@PathParam("id") UUID id) {
        queries.markRead(id);
    }

    /** A caller seen for the first time gets their to-dos before they are read, not after this request. */
    private void known() {
        try {
            directory.touch(caller);
        } catch (RuntimeException e) {
            // As for every request (UserSyncFilter): a profile not refreshed now is refreshed on the next one.
            org.jboss.logging.Logger.getLogger(TodoResource.class).warnf("could not refresh the caller's profile: %s", e.toString());
        }
    }
}
