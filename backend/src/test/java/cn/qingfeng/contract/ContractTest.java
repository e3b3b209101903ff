package cn.qingfeng.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract is what the service serves. Compared as documents (key order aside): the
 * served copy is serialised at run time, the committed one by the build, which `make test` also
 * compares byte for byte.
 */
@QuarkusTest
class ContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedOpenApiEqualsTheServedDocument() throws Exception {
        // The management interface's test port, as configured (a second worktree runs its tests on other ports).
        int management = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        String served = given().port(management).accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode servedDoc = YAML.readTree(served);
        JsonNode committedDoc = YAML.readTree(Path.of("..", "openapi.yaml").toFile());
        // Name what differs (paths, schemas) rather than printing two whole documents.
        java.util.List<String> differences = new java.util.ArrayList<>();
        for (String section : java.util.List.of("paths", "components")) {
            JsonNode a = servedDoc.path(section);
            JsonNode b = committedDoc.path(section);
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (section.equals("components")) {
                    java.util.Set<String> inner = new java.util.TreeSet<>();
                    a.path(name).fieldNames().forEachRemaining(inner::add);
                    b.path(name).fieldNames().forEachRemaining(inner::add);
                    inner.stream().filter(n -> !a.path(name).path(n).equals(b.path(name).path(n)))
                            .forEach(n -> differences.add("components." + name + "." + n));
                } else if (!a.path(name).equals(b.path(name))) {
                    differences.add("paths." + name);
                }
            }
        }
        assertThat(differences).as("openapi.yaml is stale (run `make openapi`); differing").isEmpty();
        assertThat(servedDoc).as("openapi.yaml is stale: run `make openapi`").isEqualTo(committedDoc);
    }
}
