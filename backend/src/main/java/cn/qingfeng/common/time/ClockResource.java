package cn.qingfeng.common.time;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Moves the application clock forward for end-to-end tests of deadlines (a review coming due).
 * Answers 404 unless {@code qingfeng.clock.adjustable} is on, which no real deployment sets.
 */
@Path("/api/v1/testing/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Testing", description = "Only on a test deployment (qingfeng.clock.adjustable=true); 404 otherwise")
public class ClockResource {

    private static final Logger LOG = Logger.getLogger(ClockResource.class);

    @Inject
    AppClock clock;

    @Inject
    QingfengConfig config;

    @Inject
    jakarta.enterprise.event.Event<ClockMoved> moved;

    @Schema(name = "ClockState")
    public record ClockState(Instant now, long offsetSeconds) {
    }

    @Schema(name = "ClockOffset")
    public record ClockOffset(@NotNull @Min(0) @Max(3L * 366 * 24 * 3600)
                              @Schema(description = "Seconds the clock runs ahead of real time; 0 resets") Long offsetSeconds) {
    }

    @GET
    @PermissionsAllowed("getTestClock")
    @Operation(operationId = "getTestClock", summary = "The application's time (test deployments only)")
    public ClockState get() {
        enabled();
        return state();
    }

    @PUT
    @PermissionsAllowed("setTestClock")
    @Operation(operationId = "setTestClock", summary = "Run the application clock ahead of real time (test deployments only)",
            description = "Only forward: deadlines and schedules see the moved time.")
    public ClockState set(@Valid @NotNull ClockOffset request) {
        enabled();
        clock.offset(Duration.ofSeconds(request.offsetSeconds()));
        LOG.warnf("application clock moved: %d s ahead of real time", request.offsetSeconds());
        moved.fire(new ClockMoved(clock.instant()));
        return state();
    }

    private void enabled() {
        if (!config.clock().adjustable()) {
            throw ProblemException.notFound("Resource");
        }
    }

    private ClockState state() {
        return new ClockState(clock.instant(), clock.offset().toSeconds());
    }
}
