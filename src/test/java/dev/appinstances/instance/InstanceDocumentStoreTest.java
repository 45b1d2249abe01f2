package dev.appinstances.instance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.InstanceApi;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one-statement read gives the very document that the repositories give (owner party, data
 * elements with tags and metadata, confirmations), for an owner of each party type.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class InstanceDocumentStoreTest {

    static final String OWNER = Tokens.appOwner();

    @Inject InstanceDocumentStore store;
    @Inject InstanceDocuments documents;
    @Inject InstanceRepository instances;
    @Inject ObjectMapper mapper;
    @Inject TestParties parties;
    @Inject Database db;

    /** Made through the API before the tests, which run on the event loop. */
    private static UUID organisations;

    private static UUID persons;
    private static UUID selfIdentifieds;
    private static UUID bare;

    @BeforeEach
    void instances() {
        if (bare == null) {
            organisations = richInstance(parties.organisation());
            persons = richInstance(parties.person());
            selfIdentifieds = richInstance(parties.selfIdentified());
            bare = guid(InstanceApi.existingInstance(OWNER, parties.person()));
            db.execute("delete from data_element where instance_id = '" + bare + "'");
        }
    }

    @Test
    @RunOnVertxContext
    void anOrganisationsInstanceReadsAsTheRepositoriesReadIt(UniAsserter asserter) {
        sameDocument(asserter, organisations, 2);
    }

    @Test
    @RunOnVertxContext
    void aPersonsInstanceReadsAsTheRepositoriesReadIt(UniAsserter asserter) {
        sameDocument(asserter, persons, 1);
    }

    @Test
    @RunOnVertxContext
    void aSelfIdentifiedUsersInstanceReadsAsTheRepositoriesReadIt(UniAsserter asserter) {
        sameDocument(asserter, selfIdentifieds, 3);
    }

    @Test
    @RunOnVertxContext
    void anInstanceWithoutElementsOrConfirmationsReadsAsTheRepositoriesReadIt(
            UniAsserter asserter) {
        UUID guid = bare;
        asserter.assertThat(
                () -> store.byId(guid),
                stored -> {
                    JsonNode document = mapper.valueToTree(documents.of(stored));
                    assertThat(document.get("data")).isEmpty();
                    assertThat(document.get("completeConfirmations").isNull()).isTrue();
                });
        sameDocument(asserter, guid, 1);
    }

    @Test
    @RunOnVertxContext
    void noSuchInstanceIsNull(UniAsserter asserter) {
        asserter.assertThat(
                () -> store.byId(UUID.randomUUID()), stored -> assertThat(stored).isNull());
    }

    @Test
    void theReadIsOneStatement() {
        assertThat(InstanceDocumentStore.BY_ID)
                .doesNotContain(";")
                .contains("from instance i", "party p", "data_element d", "complete_confirmation c")
                .endsWith("where i.id = $1");
    }

    private void sameDocument(UniAsserter asserter, UUID guid, int partyTypeName) {
        JsonNode[] read = new JsonNode[1];
        asserter.execute(
                () -> store.byId(guid).invoke(s -> read[0] = mapper.valueToTree(documents.of(s))));
        asserter.assertThat(
                () -> Panache.withSession(() -> instances.findById(guid).chain(documents::of)),
                expected -> {
                    assertThat(read[0]).isEqualTo(mapper.valueToTree(expected));
                    assertThat(read[0].at("/instanceOwner/party/partyTypeName").asInt())
                            .isEqualTo(partyTypeName);
                });
    }

    /** Two more elements (tags and metadata on the first), and the app owner's confirmation. */
    private UUID richInstance(long party) {
        String id = InstanceApi.existingInstance(OWNER, party);
        String path = InstanceApi.BASE + "/" + id;
        String first = upload(path, "first");
        upload(path, "second");
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("\"reviewed\"")
                .post(path + "/data/" + first + "/tags")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\"scanner\"}]}")
                .put(path + "/data/" + first + "/user-defined-metadata")
                .then()
                .statusCode(200);
        given().auth().oauth2(OWNER).post(path + "/complete").then().statusCode(200);
        UUID guid = guid(id);
        assertThat(db.count("select count(*) from data_element where instance_id = '" + guid + "'"))
                .isGreaterThanOrEqualTo(2);
        return guid;
    }

    private static UUID guid(String instanceId) {
        return UUID.fromString(instanceId.substring(instanceId.indexOf('/') + 1));
    }

    private static String upload(String path, String content) {
        return given().auth()
                .oauth2(OWNER)
                .contentType("text/plain")
                .queryParam("dataType", "attachment")
                .body(content)
                .post(path + "/data")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
