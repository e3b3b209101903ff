package cn.qingfeng.integration;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint (not in the contract): fails with an unexpected exception on its first call,
 * answers on the next, so a test can see that a 5xx gives an Idempotency-Key back.
 */
@Path("/api/v1/testing/fails-once")
@Authenticated
public class FailingOnceResource {

    static final AtomicInteger CALLS = new AtomicInteger();

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Integer> call() {
        int n = CALLS.incrementAndGet();
        if (n == 1) {
            throw new IllegalStateException("the first call fails, as a lost database connection would");
        }
        return Map.of("call", n);
    }
}
