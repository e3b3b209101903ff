package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.ObligationState;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the obligations list (and of its export); from/to filter the due date. */
public class RiskObligationFilter {
    @QueryParam("unitId")
    public UUID unitId;
    @QueryParam("subtree")
    @Parameter(description = "With unitId: the unit and every unit below it")
    public Boolean subtree;
    @QueryParam("riskId")
    public UUID riskId;
    @QueryParam("kind")
    public ObligationKind kind;
    @QueryParam("state")
    @Parameter(description = "PENDING, MET, LATE, MISSING or CANCELLED")
    public ObligationState state;
    @QueryParam("from")
    public LocalDate from;
    @QueryParam("to")
    public LocalDate to;
}
