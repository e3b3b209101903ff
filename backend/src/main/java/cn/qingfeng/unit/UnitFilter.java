package cn.qingfeng.unit;

import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the flat unit list. */
public class UnitFilter {

    @QueryParam("q")
    @Parameter(description = "Text contained in the code or the name")
    public String q;

    @QueryParam("parentId")
    @Parameter(description = "Only the direct children of this unit")
    public UUID parentId;

    @QueryParam("kind")
    public UnitKind kind;

    @QueryParam("active")
    @Parameter(description = "true: active units only; false: deactivated only; absent: both")
    public Boolean active;
}
