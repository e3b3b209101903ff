package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.Basis;
import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskEnums.ReviewState;
import cn.qingfeng.risk.RiskEnums.Status;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the risk list; the heat map takes the same ones (except the cell). */
public class RiskFilter {
    @QueryParam("level")
    @Parameter(description = "Current level (by basis: inherent or residual)")
    public Level level;
    @QueryParam("category")
    public Category category;
    @QueryParam("unitId")
    public UUID unitId;
    @QueryParam("subtree")
    @Parameter(description = "With unitId: the unit and every unit below it")
    public Boolean subtree;
    @QueryParam("open")
    @Parameter(description = "true: every status but CLOSED")
    public Boolean open;
    @QueryParam("levelChangedFrom")
    @Parameter(description = "Whose level changed (a grading with another level than before) on or after this day")
    public LocalDate levelChangedFrom;
    @QueryParam("levelChangedTo")
    public LocalDate levelChangedTo;
    @QueryParam("measuresDoneFrom")
    @Parameter(description = "With a control measure (管控措施) done on or after this day")
    public LocalDate measuresDoneFrom;
    @QueryParam("measuresDoneTo")
    public LocalDate measuresDoneTo;
    @QueryParam("status")
    public Status status;
    @QueryParam("reviewState")
    @Parameter(description = "Open risks by their next review: GREEN, YELLOW (due soon), RED (missed), NONE (no review scheduled)")
    public ReviewState reviewState;
    @QueryParam("q")
    @Parameter(description = "Text in the code or the name")
    public String q;
    @QueryParam("basis")
    @Parameter(description = "Which grading level, likelihood and impact filter: INHERENT (default) or RESIDUAL")
    public Basis basis;
    @QueryParam("likelihood")
    @Parameter(description = "Heat-map cell: likelihood 1–5")
    public Integer likelihood;
    @QueryParam("impact")
    @Parameter(description = "Heat-map cell: impact 1–5")
    public Integer impact;
    @QueryParam("graded")
    @Parameter(description = "false: only risks not yet graded")
    public Boolean graded;
    @QueryParam("includeClosed")
    @Parameter(description = "Heat map only: count closed risks too (default false)")
    public Boolean includeClosed;
    @QueryParam("externalSource")
    @Parameter(description = "Records registered from this source, e.g. OA")
    public String externalSource;
    @QueryParam("externalRef")
    @Parameter(description = "The source's own reference, e.g. the OA document number (exact match; with externalSource it is unique)")
    public String externalRef;
}
