package cn.qingfeng.todo;

import io.quarkus.security.Authenticated;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/todos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
public class TodoResource {

    @Inject
    Instance<TodoSource> sources;

    @Schema(name = "TodoList")
    public record TodoList(List<TodoItem> items, @Schema(description = "True when more waited than were returned") boolean truncated) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "listMyTodos", summary = "我的待办: what waits for the caller now, most urgent first",
            description = "Each role sees its own kinds (officers: accept, report, submit, answer urges, "
                    + "overdue; supervisors: approve). At most `limit` items, overdue and nearest deadlines first.")
    public TodoList todos(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        List<TodoItem> all = new ArrayList<>();
        for (TodoSource source : sources) {
            all.addAll(source.todos(limit + 1));
        }
        all.sort(Comparator.comparing(TodoItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TodoItem::since, Comparator.nullsLast(Comparator.naturalOrder())));
        boolean truncated = all.size() > limit;
        return new TodoList(truncated ? all.subList(0, limit) : all, truncated);
    }
}
