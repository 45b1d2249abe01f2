package dev.appinstances.lifecycle;

import static dev.appinstances.testsupport.InstanceApi.BASE;
import static dev.appinstances.testsupport.InstanceApi.as;
import static dev.appinstances.testsupport.InstanceApi.existingInstance;
import static dev.appinstances.testsupport.InstanceApi.get;
import static org.hamcrest.Matchers.equalTo;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class InstanceReadTest {

    static final String SOPHIE = Tokens.user(1337, 50001337);
    static final String OWNER = Tokens.appOwner();

    @Test
    void ownerPartyReadsTheInstanceWithItsPartyFromTheRegister() {
        String id = existingInstance(OWNER, 50001337);
        get(SOPHIE, id)
                .statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(id))
                .body("instanceOwner.partyId", equalTo("50001337"))
                .body("instanceOwner.party.partyId", equalTo(50001337))
                .body(
                        "instanceOwner.party.partyUuid",
                        equalTo("0b9a2c4e-3a1c-4c55-9f43-2a1f0c1e1337"))
                .body("instanceOwner.party.partyTypeName", equalTo(1))
                .body("instanceOwner.party.ssn", equalTo("12247918309"))
                .body("instanceOwner.party.orgNumber", equalTo(null))
                .body("instanceOwner.party.name", equalTo("Sophie Salt"))
                .body("instanceOwner.party.isDeleted", equalTo(false))
                .body("process.currentTask.elementId", equalTo("Task_1"))
                .body("status.readStatus", equalTo(0))
                .body("createdBy", equalTo(Tokens.APP_ORG_NUMBER));
    }

    @Test
    void aMissingInstanceIsNotFoundForACallerWithRightsToTheParty() {
        get(SOPHIE, "50001337/" + UUID.randomUUID())
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:instance-not-found"));
    }

    @Test
    void anInstanceAskedForUnderAnotherPartyIsNotFound() {
        String id = existingInstance(OWNER, 50001338);
        String guid = id.substring(id.indexOf('/') + 1);
        // Sophie may act for both parties, but the instance belongs to 50001338 only.
        get(SOPHIE, "50001337/" + guid)
                .statusCode(404)
                .body("type", equalTo("urn:app-instances:problem:instance-not-found"));
    }

    @Test
    void aCallerWithoutRightsToThePartyLearnsNothing() {
        String existing = existingInstance(OWNER, 50001340);
        String missing = "50001340/" + UUID.randomUUID();
        for (String id : new String[] {existing, missing}) {
            get(SOPHIE, id)
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:app-instances:problem:access-denied"))
                    .body("detail", equalTo("The caller may not act for party 50001340"));
        }
    }

    @Test
    void aPartyIdThatIsNotAnIntegerOrAnIdThatIsNotAGuidIsNotFound() {
        for (String path :
                new String[] {
                    "/abc/" + UUID.randomUUID(), "/50001337/not-a-guid", "/-1/" + UUID.randomUUID()
                }) {
            as(SOPHIE)
                    .get(BASE + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
    }

    @Test
    void anInstanceOfAnotherAppPathIsNotFound() {
        String id = existingInstance(OWNER, 50001337);
        as(SOPHIE)
                .get("/ttd/other-app/instances/" + id)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:app-instances:problem:app-not-found"));
    }
}
