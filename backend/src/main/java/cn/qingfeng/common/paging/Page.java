package cn.qingfeng.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items, the cursor of the next page (absent on the last), and the total when asked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page") String nextCursor,
        @Schema(description = "Number of matching items; only when includeTotal=true. When totalExact is false,"
                + " more than this many match (the count stops at the server's count limit)") Long total,
        @Schema(description = "Whether total is the exact number (true) or a lower bound (false); only with total")
        Boolean totalExact) {

    public Page(List<T> items, String nextCursor) {
        this(items, nextCursor, null, null);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor, total, totalExact);
    }

    /** The same page with other items (e.g. the views of these entities). */
    public <R> Page<R> with(List<R> views) {
        return new Page<>(views, nextCursor, total, totalExact);
    }
}
