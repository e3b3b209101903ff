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
        String served = given().port(9001).accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode servedDoc = YAML.readTree(served);
        JsonNode committedDoc = YAML.readTree(Path.of("..", "openapi.yaml").toFile());
        assertThat(servedDoc.get("paths")).as("paths of openapi.yaml are stale: run `make openapi`")
                .isEqualTo(committedDoc.get("paths"));
        assertThat(servedDoc).as("openapi.yaml is stale: run `make openapi`").isEqualTo(committedDoc);
    }
}
