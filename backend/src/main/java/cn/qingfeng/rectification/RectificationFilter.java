package cn.qingfeng.rectification;

import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import cn.qingfeng.rectification.RectificationEnums.Status;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the rectification list. */
public class RectificationFilter {
    @QueryParam("status")
    public Status status;
    @QueryParam("unitId")
    public UUID unitId;
    @QueryParam("subtree")
    @Parameter(description = "With unitId: the unit and every unit below it")
    public Boolean subtree;
    @QueryParam("foundFrom")
    @Parameter(description = "Found (发现) on or after this day")
    public LocalDate foundFrom;
    @QueryParam("foundTo")
    public LocalDate foundTo;
    @QueryParam("category")
    public Category category;
    @QueryParam("source")
    public Source source;
    @QueryParam("severity")
    public Severity severity;
    @QueryParam("kind")
    public Kind kind;
    @QueryParam("warning")
    @Parameter(description = "GREEN, YELLOW or RED: open time-limited items by their deadline")
    public Warning warning;
    @QueryParam("deadlineFrom")
    public LocalDate deadlineFrom;
    @QueryParam("deadlineTo")
    public LocalDate deadlineTo;
    @QueryParam("q")
    @Parameter(description = "Text in the code or the title")
    public String q;
    @QueryParam("externalSource")
    @Parameter(description = "Records registered from this source, e.g. OA")
    public String externalSource;
    @QueryParam("externalRef")
    @Parameter(description = "The source's own reference, e.g. the OA document number (exact match; with externalSource it is unique)")
    public String externalRef;
}
