package dev.appinstances.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ApplicationMetadataResourceTest {

    @Test
    void servesTheConfiguredMetadataWithPropertiesItDoesNotModel() {
        given().when()
                .get("/ttd/example-app/api/v1/applicationmetadata")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", equalTo("ttd/example-app"))
                .body("org", equalTo("ttd"))
                .body("dataTypes", hasSize(3))
                .body("dataTypes[0].appLogic.classRef", equalTo("Altinn.App.Models.BuildingPermit"))
                .body("dataTypes[1].maxSize", equalTo(25))
                .body("partyTypesAllowed.person", equalTo(true))
                .body("copyInstanceSettings.excludedDataFields[0]", equalTo("applicant.phone"))
                .body("onEntry.show", equalTo("select-instance"))
                .body("presentationFields[0].path", equalTo("property.address"));
    }

    @Test
    void pathsMatchTheAppCaseInsensitively() {
        given().when().get("/TTD/Example-App/api/v1/applicationmetadata").then().statusCode(200);
    }

    @Test
    void anotherOrgOrAppIsNotFound() {
        for (String path : new String[] {"/tdd/example-app", "/ttd/other-app"}) {
            given().when()
                    .get(path + "/api/v1/applicationmetadata")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:app-instances:problem:app-not-found"))
                    .body("status", equalTo(404))
                    .body("title", equalTo("App not found"));
        }
    }
}
