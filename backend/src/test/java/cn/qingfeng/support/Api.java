package cn.qingfeng.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as one of the demo users or service accounts. */
public final class Api {

    static {
        // A failed expectation is read from the log: show what was sent and what came back.
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.user(username)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asOa() {
        return given().auth().oauth2(Tokens.service("oa-system", "oa-system-dev-secret")).accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().accept(ContentType.JSON);
    }
}
