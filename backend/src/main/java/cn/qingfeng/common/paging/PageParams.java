package cn.qingfeng.common.paging;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters every list accepts ({@code @BeanParam}). */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "Page size (1 to the configured maximum, default 50)",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
    public Integer limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page")
    public String cursor;

    @QueryParam("sort")
    @Parameter(description = "Sort fields, comma-separated; a leading '-' sorts descending")
    public String sort;

    @QueryParam("includeTotal")
    @DefaultValue("false")
    @Parameter(description = "Also answer how many items match: exact from kept counts where the filters allow,"
            + " else counted up to the server's count limit (totalExact=false beyond it)")
    public boolean includeTotal;
}
