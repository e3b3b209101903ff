package cn.qingfeng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests the build generates (target/kubernetes, after package): what an operator
 * relies on to run several instances — probes on the management port, bounded resources and heap,
 * at least two replicas, an autoscaler and a disruption budget, the database and Keycloak named by
 * configuration, migrations run once by a job rather than by every instance.
 */
class KubernetesManifestIT {

    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        JsonNode all = new ObjectMapper().readTree(Files.readString(Path.of("target/kubernetes/kubernetes.json")));
        all.forEach(r -> BY_KIND.put(r.path("kind").asText(), r));
    }

    private static JsonNode container() {
        return BY_KIND.get("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void theDeploymentIsProbedOnTheManagementPortWithBoundedResources() {
        JsonNode deployment = BY_KIND.get("Deployment");
        assertThat(deployment.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode c = container();
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(c.path("readinessProbe").path("httpGet").path("port").asInt()).isEqualTo(9000);
        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(c.path("livenessProbe").path("httpGet").path("port").asInt()).isEqualTo(9000);
        assertThat(c.path("resources").path("limits").path("memory").asText()).isNotBlank();
        assertThat(c.path("resources").path("requests").path("cpu").asText()).isNotBlank();
        Map<String, String> env = new HashMap<>();
        c.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        assertThat(env.get("JDK_JAVA_OPTIONS")).contains("-XX:MaxRAMPercentage=50");
        assertThat(env).containsEntry("QF_HTTP_HOST", "0.0.0.0").containsEntry("QF_MANAGEMENT_HOST", "0.0.0.0");
        assertThat(c.path("envFrom").findValuesAsText("name")).contains("qingfeng-api");
    }

    @Test
    void severalInstancesAreScaledAndKeptAvailableAndMigrateOnce() {
        JsonNode hpa = BY_KIND.get("HorizontalPodAutoscaler");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo("qingfeng-api");
        assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(BY_KIND.get("PodDisruptionBudget").path("spec").path("minAvailable").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(BY_KIND.get("ConfigMap").path("data").path("QF_DB_URL").asText()).startsWith("jdbc:postgresql://");
        assertThat(BY_KIND.get("ConfigMap").path("data").path("QF_OIDC_URL").asText()).contains("/realms/qingfeng");
        // The instances do not race to migrate: a job does it, they start once it finished.
        assertThat(BY_KIND).containsKey("Job");
    }
}
