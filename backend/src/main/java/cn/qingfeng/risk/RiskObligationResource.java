package cn.qingfeng.risk;

import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.ObligationState;
import cn.qingfeng.risk.RiskViews.ObligationSummary;
import cn.qingfeng.risk.RiskViews.RiskObligationView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What "杜绝迟报、漏报" is checked against: every review and report that was due, and how it was done. */
@Path("/api/v1/risk-obligations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risks")
public class RiskObligationResource {

    @Inject
    RiskQueries queries;

    @GET
    @Authenticated
    @Operation(operationId = "listRiskObligations", summary = "Reviews and reports due, with met / late / missing",
            description = "from/to filter the due date.")
    public Page<RiskObligationView> list(@QueryParam("unitId") UUID unitId, @QueryParam("riskId") UUID riskId,
                                         @QueryParam("kind") ObligationKind kind,
                                         @QueryParam("state") @Parameter(description = "PENDING, MET, LATE, MISSING or CANCELLED") ObligationState state,
                                         @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                         @BeanParam PageParams page) {
        return queries.obligations(unitId, riskId, kind, state, from, to, page);
    }

    @GET
    @Path("/summary")
    @Authenticated
    @Operation(operationId = "getRiskObligationSummary", summary = "Per unit and kind: met, late, missing and pending in a period",
            description = "Obligations whose due date falls in [from, to]; unitId and kind narrow it like the list.")
    public ObligationSummary summary(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                     @QueryParam("unitId") UUID unitId, @QueryParam("kind") ObligationKind kind) {
        return queries.summary(from, to, unitId, kind);
    }
}
