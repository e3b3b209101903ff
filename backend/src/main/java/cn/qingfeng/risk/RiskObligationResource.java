package cn.qingfeng.risk;

import cn.qingfeng.bulk.export.ExportFormat;
import cn.qingfeng.bulk.export.ExportParams;
import cn.qingfeng.bulk.export.LedgerExports;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
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
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What "杜绝迟报、漏报" is checked against: every review and report that was due, and how it was done. */
@Path("/api/v1/risk-obligations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risks")
public class RiskObligationResource {

    @Inject
    RiskQueries queries;

    @Inject
    LedgerExports exports;

    @GET
    @Authenticated
    @Operation(operationId = "listRiskObligations", summary = "Reviews and reports due, with met / late / missing",
            description = "from/to filter the due date.")
    public Page<RiskObligationView> list(@BeanParam RiskObligationFilter filter, @BeanParam PageParams page) {
        return queries.obligations(filter, page);
    }

    @GET
    @Path("/export")
    @Authenticated
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "exportRiskObligations", summary = "Export the obligations list (xlsx or csv)",
            description = "The list's filters, within the caller's scope, every row. Journaled (export.created).")
    @APIResponse(responseCode = "200", description = ExportFormat.RESPONSE, content = {
            @Content(mediaType = ExportFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam RiskObligationFilter filter, @BeanParam ExportParams export) {
        return exports.obligations(filter, export);
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
