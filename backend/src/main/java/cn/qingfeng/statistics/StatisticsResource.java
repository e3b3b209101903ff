package cn.qingfeng.statistics;

import cn.qingfeng.statistics.StatisticsViews.Statistics;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
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

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Statistics", description = "统计: the ledgers' figures for a period and a unit subtree, each drillable")
public class StatisticsResource {

    @Inject
    StatisticsService service;

    @GET
    @Operation(operationId = "getStatistics", summary = "Figures of a period for a unit and the units below it",
            description = "Tasks issued / done / on time / late / overdue, urges and escalations; execution records by "
                    + "category; rectification items by status, source, category, severity, by unit, with rates; risks by "
                    + "level and category, level changes, measures done; reviews and reports met / late / missing; red and "
                    + "yellow warnings by unit; monthly trend; obligations by due day. Each figure carries the list query "
                    + "(drill) whose total is the figure. Scoped: a unit officer's figures are their units'.")
    public Statistics get(
            @QueryParam("period") @Parameter(description = "2026-03 (month), 2026Q1, 2026H1 or 2026; or give from and to; "
                    + "none: the current half-year") String period,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("unitId") @Parameter(description = "The unit whose subtree is counted; default: all in scope "
                    + "(a unit officer: their own unit)") UUID unitId) {
        return service.statistics(StatisticsPeriod.of(period, from, to, service.today()), unitId);
    }
}
