package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.Basis;
import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskEnums.ReviewState;
import cn.qingfeng.risk.RiskEnums.Status;
import jakarta.ws.rs.QueryParam;
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
