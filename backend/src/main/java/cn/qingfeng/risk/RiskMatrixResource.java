package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskViews.MatrixView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The versioned scoring matrix (评分矩阵). */
@Path("/api/v1/risk-matrix")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risks")
public class RiskMatrixResource {

    @Inject
    RiskMatrixService matrices;

    @GET
    @Authenticated
    @Operation(operationId = "getRiskMatrix", summary = "The current scoring matrix")
    public MatrixView current() {
        return matrices.current();
    }

    @GET
    @Path("/versions")
    @Authenticated
    @Operation(operationId = "listRiskMatrixVersions", summary = "Every version of the matrix, newest first")
    public List<MatrixView> versions() {
        return matrices.versions();
    }

    @GET
    @Path("/versions/{version}")
    @Authenticated
    @Operation(operationId = "getRiskMatrixVersion", summary = "One version of the matrix")
    public MatrixView version(@PathParam("version") int version) {
        return matrices.version(version);
    }

    @POST
    @PermissionsAllowed("createRiskMatrix")
    @Operation(operationId = "createRiskMatrix", summary = "A new version of the matrix; existing grades keep theirs",
            description = "Risks are re-graded only explicitly (POST /risks/{id}/regrading).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatrixView.class)))
    public RestResponse<MatrixView> create(@Valid @NotNull RiskRequests.Matrix request) {
        return RestResponse.status(RestResponse.Status.CREATED, matrices.create(request));
    }
}
