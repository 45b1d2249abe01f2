package dev.appinstances.query;

import static dev.appinstances.query.QueryApi.FILTERS;
import static dev.appinstances.query.QueryApi.FILTERS_USER;
import static dev.appinstances.query.QueryApi.OWNER;
import static dev.appinstances.query.QueryApi.PERSON;
import static dev.appinstances.query.QueryApi.PERSONS_COMPANY;
import static dev.appinstances.query.QueryApi.PERSONS_COMPANY_ORG_NUMBER;
import static dev.appinstances.query.QueryApi.PERSON_USER;
import static dev.appinstances.query.QueryApi.STRANGER;
import static dev.appinstances.query.QueryApi.at;
import static dev.appinstances.query.QueryApi.create;
import static dev.appinstances.query.QueryApi.follow;
import static dev.appinstances.query.QueryApi.guid;
import static dev.appinstances.query.QueryApi.ids;
import static dev.appinstances.query.QueryApi.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.MultipartBody;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /storage/api/v1/instances}: filters, callers, malformed values and tokens. The filter
 * fixture is six instances A..F of one party, each made to differ in one respect.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceQueryTest {

    /** The filter fixture's party, as a query parameter (set with the fixture). */
    static String PARTY;

    /** The app owner's query must name the app or its org, as in Storage. */
    static final String APP = "appId=ttd/example-app";

    static final Map<String, String> NAMES = new HashMap<>();

    @Inject Database db;
    @Inject TestParties parties;

    @AfterAll
    void forgetFixture() {
        NAMES.clear();
    }

    @BeforeEach
    void fixture() {
        synchronized (NAMES) {
            if (!NAMES.isEmpty()) {
                return;
            }
            QueryApi.newParties(parties);
            PARTY = "instanceOwner.partyId=" + FILTERS;
            String[] names = {"A", "B", "C", "D", "E", "F"};
            for (int i = 0; i < names.length; i++) {
                String id = create(FILTERS);
                NAMES.put(id, names[i]);
                String month = "0" + (i + 1);
                db.execute(
                        "update instance set created = "
                                + at("2020-" + month + "-01T00:00:00Z")
                                + ", visible_after = "
                                + at("2020-" + month + "-01T00:00:00Z")
                                + ", last_changed = "
                                + at("2021-" + month + "-01T00:00:00Z")
                                + " where id = '"
                                + guid(id)
                                + "'");
                shape(names[i], guid(id));
            }
        }
    }

    private void shape(String name, String guid) {
        String where = " where id = '" + guid + "'";
        switch (name) {
            case "A":
                db.execute(
                        "update instance set due_before = "
                                + at("2021-06-01T00:00:00Z")
                                + ", presentation_texts = '{\"title\":\"Plain\"}'"
                                + where);
                break;
            case "B":
                db.execute(
                        "update instance set current_task = 'Task_2', process ="
                                + " jsonb_set(process, '{currentTask,elementId}', '\"Task_2\"')"
                                + where);
                confirm(guid, "ttd");
                break;
            case "C":
                db.execute(
                        "update instance set current_task = null, archived = "
                                + at("2021-03-01T00:00:00Z")
                                + ", process = jsonb_set(jsonb_set(process, '{currentTask}',"
                                + " 'null'), '{ended}', '\"2021-03-01T00:00:00Z\"')"
                                + where);
                confirm(guid, "skd");
                break;
            case "D":
                db.execute(
                        "update instance set soft_deleted = " + at("2021-04-01T00:00:00Z") + where);
                break;
            case "E":
                db.execute(
                        "update instance set soft_deleted = "
                                + at("2021-05-01T00:00:00Z")
                                + ", hard_deleted = "
                                + at("2021-05-01T00:00:00Z")
                                + where);
                break;
            default:
                db.execute(
                        "update instance set presentation_texts ="
                                + " '{\"title\":\"Application 50%_off\"}'"
                                + where);
        }
    }

    private void confirm(String guid, String stakeholder) {
        db.execute(
                "insert into complete_confirmation (instance_id, stakeholder_id, confirmed_on)"
                        + " values ('"
                        + guid
                        + "', '"
                        + stakeholder
                        + "', now())");
    }

    private static String names(ValidatableResponse response) {
        StringBuilder out = new StringBuilder();
        for (String id : ids(response)) {
            out.append(NAMES.getOrDefault(id, "?"));
        }
        return out.toString();
    }

    private static String ownerSees(String filters) {
        String app = filters.startsWith("appId=") || filters.startsWith("org=") ? "" : APP + "&";
        return names(
                query(OWNER, app + PARTY + (filters.isEmpty() ? "" : "&" + filters))
                        .statusCode(200));
    }

    // ---- filters ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|FEDCBA",
                "order=desc:lastChanged|FEDCBA",
                "order=asc:lastChanged|ABCDEF",
                "appId=ttd/example-app|FEDCBA",
                "org=ttd|FEDCBA",
                "appId=ttd/other-app|''",
                "org=skd|''",
                "process.currentTask=Task_1|FEDA",
                "process.currentTask=Task_2|B",
                "process.currentTask=Task_9|''",
                "process.isComplete=true|C",
                "process.isComplete=false|FEDBA",
                "process.ended=gte:2021-03-01T00:00:00Z|C",
                "process.ended=lt:2021-03-01T00:00:00Z|''",
                "process.ended=eq:2021-03-01T01:00:00%2B01:00|C",
                "lastChanged=gt:2021-01-15T00:00:00Z&lastChanged=lte:2021-03-01T00:00:00Z|CB",
                "lastChanged=eq:2021-02-01T00:00:00Z|B",
                "lastChanged=gte:2021-01-31T23:00:00-01:00|FEDCB",
                "lastChanged=lt:2021-02-01T00:00:00.0000001Z|BA",
                "created=lt:2020-01-15T00:00:00Z|A",
                "created=gte:2020-05-01T00:00:00Z|FE",
                "dueBefore=lt:2021-07-01T00:00:00Z|A",
                "dueBefore=gt:2021-07-01T00:00:00Z|''",
                "visibleAfter=lte:2020-02-01T00:00:00Z|BA",
                "status.isArchived=true|C",
                "status.isArchived=false|FEDBA",
                "status.isSoftDeleted=true|ED",
                "status.isSoftDeleted=false|FCBA",
                "status.isHardDeleted=true|E",
                "status.isHardDeleted=false|FDCBA",
                "confirmed=true|B",
                "confirmed=false|FEDCA",
                "excludeConfirmedBy=skd|FEDBA",
                "excludeConfirmedBy=ttd|FEDCA",
                "searchString=APPLICATION|F",
                "searchString=plain|A",
                "searchString=50%25_off|F",
                "searchString=%25|F",
                "searchString=_|F",
                "searchString=5_%25|''",
                "searchString=nothing|''",
                // combinations used in practice
                "process.isComplete=true&excludeConfirmedBy=ttd|C",
                "process.isComplete=true&confirmed=false&status.isHardDeleted=false|C",
                "status.isArchived=false&status.isSoftDeleted=false&status.isHardDeleted=false|FBA",
                "process.currentTask=Task_1&status.isSoftDeleted=false|FA",
                "lastChanged=gte:2021-02-01T00:00:00Z&status.isSoftDeleted=true&order=asc:lastChanged|DE",
                "status.isSoftDeleted=true&status.isHardDeleted=false|D"
            })
    void eachFilterSelectsItsInstances(String filters, String expected) {
        assertThat(ownerSees(filters)).isEqualTo(expected);
    }

    @Test
    void theAppOwnerListsTheWholeAppWithoutAParty() {
        String all =
                names(
                        query(
                                        OWNER,
                                        "org=ttd&lastChanged=gte:2021-01-01T00:00:00Z&lastChanged=lt:2021-07-01T00:00:00Z&searchString=a")
                                .statusCode(200));
        assertThat(all).isEqualTo("FA");
    }

    @Test
    void aPageHasCountSelfNextAndTheInstances() {
        String raw = APP + "&" + PARTY + "&order=asc:lastChanged&size=4";
        var first =
                query(OWNER, raw)
                        .statusCode(200)
                        .contentType("application/json")
                        .body("count", equalTo(4))
                        .body(
                                "self",
                                equalTo("http://localhost:8080/storage/api/v1/instances?" + raw))
                        .body(
                                "next",
                                containsString(
                                        "http://localhost:8080/storage/api/v1/instances?"
                                                + raw
                                                + "&continuationToken="))
                        .body("instances.size()", equalTo(4));
        String next = first.extract().path("next");
        follow(OWNER, next)
                .statusCode(200)
                .body("count", equalTo(2))
                .body("self", equalTo(next))
                .body("$", hasKey("next"))
                .body("next", nullValue());
        assertThat(names(first) + names(follow(OWNER, next))).isEqualTo("ABCDEF");
    }

    @Test
    void aFullLastPageHasNoNext() {
        query(OWNER, APP + "&" + PARTY + "&size=6")
                .statusCode(200)
                .body("count", equalTo(6))
                .body("next", nullValue());
        query(OWNER, APP + "&" + PARTY + "&size=5").statusCode(200).body("next", notNullValue());
        query(OWNER, APP + "&" + PARTY + "&size=1000").statusCode(200).body("count", equalTo(6));
        query(OWNER, APP + "&" + PARTY + "&process.currentTask=none")
                .statusCode(200)
                .body("count", equalTo(0))
                .body("instances.size()", equalTo(0))
                .body("next", nullValue());
    }

    @Test
    void instancesAreTheDocumentsOfASingleRead() {
        byte[] body =
                new MultipartBody()
                        .json("instance", "{\"instanceOwner\":{\"partyId\":\"" + PERSON + "\"}}")
                        .part(
                                "attachment",
                                "a.txt",
                                "text/plain",
                                "hello".getBytes(StandardCharsets.UTF_8))
                        .part(
                                "attachment",
                                null,
                                "text/plain",
                                "again".getBytes(StandardCharsets.UTF_8))
                        .build();
        String id =
                given().auth()
                        .oauth2(OWNER)
                        .contentType(MultipartBody.contentType())
                        .body(body)
                        .post(QueryApi.INSTANCES)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(OWNER)
                .post(QueryApi.INSTANCES + "/" + id + "/complete")
                .then()
                .statusCode(200);
        db.execute(
                "update instance set presentation_texts = '{\"title\":\"Doc test\"}',"
                        + " last_changed = "
                        + at("2030-01-01T00:00:00Z")
                        + " where id = '"
                        + guid(id)
                        + "'");
        Map<String, Object> single =
                new java.util.HashMap<>(
                        given().auth()
                                .oauth2(OWNER)
                                .get(QueryApi.INSTANCES + "/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getMap("$"));
        var page =
                query(
                                OWNER,
                                APP
                                        + "&instanceOwner.partyId="
                                        + PERSON
                                        + "&lastChanged=eq:2030-01-01T00:00:00Z")
                        .statusCode(200)
                        .body("count", equalTo(1));
        Map<String, Object> listed =
                new java.util.HashMap<>(page.extract().jsonPath().getMap("instances[0]"));
        // the query lists the stored ProcessState; the App API's read the caller's AppProcessState
        @SuppressWarnings("unchecked")
        Map<String, Object> appProcess = (Map<String, Object>) single.remove("process");
        @SuppressWarnings("unchecked")
        Map<String, Object> storedProcess = (Map<String, Object>) listed.remove("process");
        assertThat(listed).isEqualTo(single);
        assertThat(storedProcess).doesNotContainKey("processTasks");
        assertThat(appProcess).containsKey("processTasks");
        assertThat(storedProcess.get("started")).isEqualTo(appProcess.get("started"));
        @SuppressWarnings("unchecked")
        Map<String, Object> storedTask = (Map<String, Object>) storedProcess.get("currentTask");
        assertThat(storedTask).doesNotContainKeys("actions", "userActions", "read", "write");
        assertThat(storedTask.get("elementId")).isEqualTo("Task_1");
        assertThat(listed.get("data")).asList().hasSize(3); // with the auto-created form
        assertThat(listed.get("completeConfirmations")).asList().hasSize(1);
        assertThat(page.extract().<String>path("instances[0].instanceOwner.party.name"))
                .isEqualTo("Test Person " + PERSON);
        // and as the owner reads it: the same document
        Map<String, Object> asUser =
                query(
                                Tokens.user(PERSON_USER, PERSON),
                                "instanceOwner.partyId="
                                        + PERSON
                                        + "&lastChanged=eq:2030-01-01T00:00:00Z")
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("instances[0]");
        asUser = new java.util.HashMap<>(asUser);
        assertThat(asUser.remove("process")).isEqualTo(storedProcess);
        assertThat(asUser).isEqualTo(single);
    }

    // ---- callers ------------------------------------------------------------------------------

    @Test
    void theAppOwnerNeedsTheReadScope() {
        query(QueryApi.appOwnerWithoutReadScope(), PARTY)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:scope-required"))
                .body("detail", containsString("altinn:serviceowner/instances.read"));
    }

    @Test
    void theAppOwnerMustNameTheAppOrItsOrgAfterTheScopeCheck() {
        String before = db.instanceFingerprint(FILTERS);
        query(OWNER, PARTY)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:invalid-query-parameter"))
                .body("detail", containsString("Org or AppId must be defined."));
        query(OWNER, null).statusCode(400).body("detail", containsString("Org or AppId"));
        // Storage's order: the scope first
        query(QueryApi.appOwnerWithoutReadScope(), null)
                .statusCode(403)
                .body("type", equalTo("urn:app-instances:problem:scope-required"));
        // either one is enough; a user names the party and needs neither
        assertThat(names(query(OWNER, "org=ttd&" + PARTY).statusCode(200))).isEqualTo("FEDCBA");
        assertThat(names(query(OWNER, APP + "&" + PARTY).statusCode(200))).isEqualTo("FEDCBA");
        assertThat(names(query(Tokens.user(FILTERS_USER, FILTERS), PARTY).statusCode(200)))
                .isEqualTo("FDCBA");
        assertThat(db.instanceFingerprint(FILTERS)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "APPID=ttd/example-app|FEDCBA",
                "appid=ttd/example-app&Status.IsHardDeleted=false|FDCBA",
                "ORG=ttd&STATUS.ISARCHIVED=TRUE|C",
                "Org=ttd&Process.CurrentTask=Task_2|B",
                "org=ttd&LastChanged=gt:2021-01-15T00:00:00Z&lastchanged=lte:2021-03-01T00:00:00Z|CB",
                "org=ttd&ORDER=asc:lastChanged&SearchString=PLAIN|A"
            })
    void parameterNamesMatchInAnyCaseAndRepeatsAreMerged(String filters, String expected) {
        String party = "INSTANCEOWNER.PARTYID=" + FILTERS;
        assertThat(names(query(OWNER, party + "&" + filters).statusCode(200))).isEqualTo(expected);
    }

    @Test
    void namesInAnyCaseWorkForEveryKindOfCaller() {
        String person = Tokens.user(PERSON_USER, PERSON);
        query(person, "InstanceOwner.PartyId=" + PERSON).statusCode(200);
        query(person, "INSTANCEOWNER.PARTYID=" + PERSONS_COMPANY).statusCode(200); // delegated
        query(person, "instanceowner.partyid=" + STRANGER).statusCode(403);
        String company = Tokens.organisation(PERSONS_COMPANY_ORG_NUMBER);
        query(company, "InstanceOwner.PartyID=" + PERSONS_COMPANY).statusCode(200);
        query(company, "InstanceOwner.PartyID=" + PERSON).statusCode(403);
        String user = Tokens.user(FILTERS_USER, FILTERS);
        assertThat(
                        names(
                                query(
                                                user,
                                                "INSTANCEOWNER.PARTYID="
                                                        + FILTERS
                                                        + "&Status.IsSoftDeleted=TRUE")
                                        .statusCode(200)))
                .isEqualTo("D");
        // a user never sees hard-deleted instances, whatever the case of the filter
        query(user, "instanceOwner.partyId=" + FILTERS + "&STATUS.ISHARDDELETED=true")
                .statusCode(200)
                .body("count", equalTo(0));
    }

    @Test
    void aSingleValuedParameterInTwoCasesIsRepeatedAndAnUnknownOneStays400() {
        query(OWNER, APP + "&" + PARTY + "&size=2&SIZE=3")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-query-parameter"))
                .body("detail", containsString("size may be given only once"));
        query(OWNER, APP + "&" + PARTY + "&APPID=ttd/example-app")
                .statusCode(400)
                .body("detail", containsString("appId may be given only once"));
        query(OWNER, APP + "&" + PARTY + "&Process.EndEvent=EndEvent_1")
                .statusCode(400)
                .body("detail", containsString("Unknown query parameter 'Process.EndEvent'"));
    }

    @Test
    void nextReplacesAContinuationTokenSentInAnyCase() {
        String raw = APP + "&" + PARTY + "&size=2";
        String token = tokenOf(query(OWNER, raw).statusCode(200).extract().path("next"));
        var second =
                query(OWNER, raw + "&ContinuationToken=" + token)
                        .statusCode(200)
                        .body("count", equalTo(2));
        assertThat(names(second)).isEqualTo("DC");
        String next = second.extract().path("next");
        assertThat(next.toLowerCase(java.util.Locale.ROOT).split("continuationtoken=", -1))
                .as("one token in %s", next)
                .hasSize(2);
        assertThat(next).doesNotContain(token).contains("&continuationToken=");
        assertThat(names(follow(OWNER, next).statusCode(200))).isEqualTo("BA");
    }

    @Test
    void aUserQueriesOwnAndDelegatedPartiesOnly() {
        String user = Tokens.user(PERSON_USER, PERSON);
        query(user, "instanceOwner.partyId=" + PERSON).statusCode(200);
        query(user, "instanceOwner.partyId=" + PERSONS_COMPANY).statusCode(200);
        query(user, "instanceOwner.partyId=" + STRANGER)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:access-denied"));
        query(user, "instanceOwner.partyId=" + FILTERS).statusCode(403);
        query(user, "size=5")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-query-parameter"))
                .body("detail", containsString("instanceOwner.partyId"));
    }

    @Test
    void aDelegatedPartysInstancesAreListedForTheUser() {
        String id = create(PERSONS_COMPANY);
        db.execute(
                "update instance set last_changed = "
                        + at("2031-01-01T00:00:00Z")
                        + " where id = '"
                        + guid(id)
                        + "'");
        var page =
                query(
                                Tokens.user(PERSON_USER, PERSON),
                                "instanceOwner.partyId="
                                        + PERSONS_COMPANY
                                        + "&lastChanged=eq:2031-01-01T00:00:00Z")
                        .statusCode(200);
        assertThat(ids(page)).containsExactly(id);
        // and the company itself, as an organisation caller
        assertThat(
                        ids(
                                query(
                                                Tokens.organisation(PERSONS_COMPANY_ORG_NUMBER),
                                                "instanceOwner.partyId="
                                                        + PERSONS_COMPANY
                                                        + "&lastChanged=eq:2031-01-01T00:00:00Z")
                                        .statusCode(200)))
                .containsExactly(id);
    }

    @Test
    void anotherOrganisationNeedsItsOwnParty() {
        String org = Tokens.organisation(PERSONS_COMPANY_ORG_NUMBER);
        query(org, "instanceOwner.partyId=" + PERSONS_COMPANY).statusCode(200);
        query(org, "instanceOwner.partyId=" + PERSON).statusCode(403);
        query(org, "status.isArchived=true")
                .statusCode(400)
                .body("detail", containsString("instanceOwner.partyId"));
        String otherServiceOwner = QueryApi.otherServiceOwner(PERSONS_COMPANY_ORG_NUMBER);
        query(otherServiceOwner, null).statusCode(400);
        query(otherServiceOwner, "instanceOwner.partyId=" + FILTERS).statusCode(403);
        query(otherServiceOwner, "instanceOwner.partyId=" + PERSONS_COMPANY).statusCode(200);
    }

    @Test
    void usersNeverSeeHardDeletedInstances() {
        String user = Tokens.user(FILTERS_USER, FILTERS);
        assertThat(names(query(user, PARTY).statusCode(200))).isEqualTo("FDCBA");
        assertThat(names(query(user, PARTY + "&status.isHardDeleted=false").statusCode(200)))
                .isEqualTo("FDCBA");
        query(user, PARTY + "&status.isHardDeleted=true")
                .statusCode(200)
                .body("count", equalTo(0))
                .body("next", nullValue());
        assertThat(names(query(user, PARTY + "&status.isSoftDeleted=true").statusCode(200)))
                .isEqualTo("D");
        // the app owner does see it
        assertThat(ownerSees("status.isHardDeleted=true")).isEqualTo("E");
    }

    @Test
    void theAuthenticationLevelRuleApplies() {
        query(Tokens.user(FILTERS_USER, FILTERS, 1), PARTY)
                .statusCode(403)
                .body("type", equalTo("urn:app-instances:problem:authentication-level-too-low"));
    }

    @Test
    void withoutATokenItIs401() {
        given().get(QueryApi.PATH).then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.expiredUser(FILTERS_USER, FILTERS))
                .get(QueryApi.PATH)
                .then()
                .statusCode(401);
    }

    // ---- malformed values ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "foo=1|foo",
                "instanceOwnerPartyId=1|instanceOwnerPartyId",
                "includeDataElements=false|includeDataElements",
                "instanceOwner.partyId=abc|instanceOwner.partyId",
                "instanceOwner.partyId=-1|instanceOwner.partyId",
                "lastChanged=gt2024|lastChanged",
                "lastChanged=ne:2024-01-01T00:00:00Z|lastChanged",
                "lastChanged=gt:2024-02-30T00:00:00Z|lastChanged",
                "created=gt:2024-01-01T00:00:00|created",
                "created=gt:2024-01-01T00:00:00+01:00|created",
                "process.ended=true|process.ended",
                "dueBefore=|dueBefore",
                "visibleAfter=lt:tomorrow|visibleAfter",
                "lastChanged=eq:2024-01-01T00:00:00.0000001Z|lastChanged",
                "status.isArchived=yes|status.isArchived",
                "status.isSoftDeleted=1|status.isSoftDeleted",
                "status.isHardDeleted=|status.isHardDeleted",
                "process.isComplete=done|process.isComplete",
                "confirmed=maybe|confirmed",
                "size=0|size",
                "size=1001|size",
                "size=abc|size",
                "size=10&size=20|size",
                "order=desc:created|order",
                "order=random|order",
                "appId=a&appId=b|appId"
            })
    void malformedValuesAre400NamingTheParameter(String raw, String parameter) {
        String before = db.instanceFingerprint(FILTERS);
        query(OWNER, APP + "&" + PARTY + "&" + raw)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:invalid-query-parameter"))
                .body("title", equalTo("Invalid query parameter"))
                .body("detail", containsString(parameter))
                .body("instance", equalTo(QueryApi.PATH));
        assertThat(db.instanceFingerprint(FILTERS)).isEqualTo(before);
    }

    // ---- continuation tokens ------------------------------------------------------------------

    private static String tokenOf(String next) {
        return next.substring(next.indexOf("continuationToken=") + "continuationToken=".length());
    }

    @Test
    void aTamperedTokenIs400() {
        String token =
                tokenOf(
                        query(OWNER, APP + "&" + PARTY + "&size=2")
                                .statusCode(200)
                                .extract()
                                .path("next"));
        char last = token.charAt(10);
        String tampered = token.substring(0, 10) + (last == 'A' ? 'B' : 'A') + token.substring(11);
        query(OWNER, APP + "&" + PARTY + "&size=2&continuationToken=" + tampered)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:invalid-continuation-token"));
        query(OWNER, APP + "&" + PARTY + "&size=2&continuationToken=12")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-continuation-token"));
    }

    @Test
    void aForeignTokenIs400() {
        InstanceQuery same =
                new InstanceQueryParser(100, 1000)
                        .parse(Map.of("instanceOwner.partyId", List.of(String.valueOf(FILTERS))));
        String foreign =
                new ContinuationTokens("some-other-deployments-secret-0123456789")
                        .sign(
                                new ContinuationToken(
                                        Instant.parse("2021-04-01T00:00:00Z"),
                                        java.util.UUID.randomUUID()),
                                same.fingerprint());
        query(OWNER, APP + "&" + PARTY + "&continuationToken=" + foreign)
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-continuation-token"));
    }

    @Test
    void aTokenBindsTheFiltersAndOrderItWasIssuedFor() {
        String token =
                tokenOf(
                        query(OWNER, APP + "&" + PARTY + "&status.isArchived=false&size=2")
                                .statusCode(200)
                                .extract()
                                .path("next"));
        for (String other :
                new String[] {
                    PARTY,
                    PARTY + "&status.isArchived=true",
                    PARTY + "&status.isArchived=false&order=asc:lastChanged",
                    PARTY + "&status.isArchived=false&lastChanged=gt:2000-01-01T00:00:00Z",
                    "instanceOwner.partyId=" + PERSON + "&status.isArchived=false"
                }) {
            query(OWNER, APP + "&" + other + "&size=2&continuationToken=" + token)
                    .statusCode(400)
                    .body("type", equalTo("urn:app-instances:problem:invalid-continuation-token"))
                    .body("detail", containsString("other filters"));
        }
        // the same query, written differently and with another size, continues
        var rest =
                query(
                                OWNER,
                                "status.isArchived=FALSE&size=10&"
                                        + APP
                                        + "&"
                                        + PARTY
                                        + "&continuationToken="
                                        + token)
                        .statusCode(200);
        assertThat(names(rest)).isEqualTo("DBA");
    }

    @Test
    void aUsersTokenCannotLiftTheHardDeletedRestriction() {
        String user = Tokens.user(FILTERS_USER, FILTERS);
        var first = query(user, PARTY + "&size=1").statusCode(200);
        assertThat(names(first)).isEqualTo("F");
        var second = follow(user, first.extract().path("next")).statusCode(200);
        assertThat(names(second)).isEqualTo("D");
    }
}
