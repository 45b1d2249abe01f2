package dev.appinstances.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.InstanceApi;
import dev.appinstances.testsupport.RawHttp;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Form data as its model: GET by Accept, PUT in JSON or XML, checked against the schema. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class FormDataTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /** A nested model with lists, numbers and booleans, in schema order. */
    static final String MODEL =
            "{\"applicant\":{\"name\":\"Søren Ås\",\"personNumber\":\"12247918309\"},"
                    + "\"property\":{\"address\":\"Storgata 1\",\"municipalityNumber\":301,"
                    + "\"plotArea\":512.75},\"description\":\"Garasje & bod <2>\","
                    + "\"startDate\":\"2026-05-01\",\"neighboursNotified\":true,"
                    + "\"neighbours\":[{\"name\":\"Ola\",\"address\":\"Storgata 3\","
                    + "\"plotNumber\":12,\"notified\":true},"
                    + "{\"name\":\"Kari\",\"plotNumber\":13,\"notified\":false}]}";

    static final String MODEL_XML =
            DECLARATION
                    + "<BuildingPermit><applicant><name>Søren Ås</name>"
                    + "<personNumber>12247918309</personNumber></applicant><property>"
                    + "<address>Storgata 1</address><municipalityNumber>301</municipalityNumber>"
                    + "<plotArea>512.75</plotArea></property>"
                    + "<description>Garasje &amp; bod &lt;2&gt;</description>"
                    + "<startDate>2026-05-01</startDate><neighboursNotified>true</neighboursNotified>"
                    + "<neighbours><name>Ola</name><address>Storgata 3</address>"
                    + "<plotNumber>12</plotNumber><notified>true</notified></neighbours>"
                    + "<neighbours><name>Kari</name><plotNumber>13</plotNumber>"
                    + "<notified>false</notified></neighbours></BuildingPermit>";

    @TestHTTPResource URL url;
    @Inject Database db;
    @Inject TestParties parties;

    TestParties.TestUser owner;
    String instance;
    String form;

    @BeforeEach
    void newInstance() {
        owner = parties.user();
        JsonPath created = InstanceApi.createdBodiless(owner.token(), owner.partyId());
        instance = created.getString("id");
        form = created.getString("data.find { it.dataType == 'model' }.id");
    }

    static RequestSpecification as(String token) {
        return given().config(
                        RestAssuredConfig.config()
                                .encoderConfig(
                                        EncoderConfig.encoderConfig()
                                                .appendDefaultContentCharsetToContentTypeIfUndefined(
                                                        false)))
                .auth()
                .oauth2(token);
    }

    String formPath() {
        return BASE + "/" + instance + "/data/" + form;
    }

    ValidatableResponse put(String token, String contentType, String body) {
        RequestSpecification request = as(token).body(body.getBytes(StandardCharsets.UTF_8));
        if (contentType != null) {
            request.contentType(contentType);
        }
        return request.put(formPath()).then();
    }

    String getJson(String accept) {
        RequestSpecification request = as(owner.token());
        if (accept != null) {
            request.accept(accept);
        }
        return new String(
                request.get(formPath())
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("application/json"))
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
    }

    String getXml(String accept) {
        return new String(
                as(owner.token())
                        .accept(accept)
                        .get(formPath())
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("application/xml"))
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
    }

    /** The element's content and version and the instance's version: equal means unchanged. */
    String state() {
        return db.text(
                "select d.blob_id::text || d.content_hash || d.version || '/' || i.version from"
                        + " data_element d join instance i on i.id = d.instance_id where d.id = '"
                        + form
                        + "'");
    }

    @Test
    void theAutoCreatedFormIsItsModelInJsonByDefault() {
        assertThat(getJson(null)).isEqualTo("{\"neighbours\":[]}");
        assertThat(getJson("*/*")).isEqualTo("{\"neighbours\":[]}");
        assertThat(getJson("application/json")).isEqualTo("{\"neighbours\":[]}");
        assertThat(getJson("image/png")).isEqualTo("{\"neighbours\":[]}");
        assertThat(getJson("application/xml;q=0.5, application/json"))
                .isEqualTo("{\"neighbours\":[]}");
        assertThat(getXml("application/xml")).isEqualTo(DECLARATION + "<BuildingPermit/>");
        assertThat(getXml("text/xml")).isEqualTo(DECLARATION + "<BuildingPermit/>");
        assertThat(getXml("application/json;q=0.5, text/xml"))
                .isEqualTo(DECLARATION + "<BuildingPermit/>");
    }

    @Test
    void jsonPutIsStoredAsXmlAndReadBackTyped() {
        put(owner.token(), "application/json", MODEL)
                .statusCode(201)
                .header("Location", endsWith(formPath()))
                .body("id", equalTo(form))
                .body("contentType", equalTo("application/xml"))
                .body("size", equalTo(MODEL_XML.getBytes(StandardCharsets.UTF_8).length));
        assertThat(getJson(null)).isEqualTo(MODEL);
        assertThat(getXml("application/xml")).isEqualTo(MODEL_XML);
        JsonPath json = JsonPath.from(getJson(null));
        assertThat(json.getInt("property.municipalityNumber")).isEqualTo(301);
        assertThat(json.getBoolean("neighbours[1].notified")).isFalse();
        // the Storage path serves the stored bytes
        assertThat(
                        as(owner.token())
                                .get("/storage/api/v1/instances/" + instance + "/data/" + form)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .isEqualTo(MODEL_XML);
        // presentationTexts/dataValues follow a JSON PUT too
        given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + instance)
                .then()
                .body("presentationTexts.address", equalTo("Storgata 1"))
                .body("dataValues.municipality", equalTo("301"));
    }

    @Test
    void roundTripsGiveTheSameBytes() throws Exception {
        put(owner.token(), "application/xml", MODEL_XML).statusCode(201);
        assertThat(getXml("application/xml")).isEqualTo(MODEL_XML);
        String json = getJson(null);
        put(owner.token(), "application/json", json).statusCode(201);
        assertThat(getXml("text/xml")).isEqualTo(MODEL_XML);
        assertThat(getJson(null)).isEqualTo(json);
        // no Content-Type is XML, as in Altinn
        byte[] xml = getXml("application/xml").getBytes(StandardCharsets.UTF_8);
        byte[] head =
                ("PUT "
                                + formPath()
                                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                + owner.token()
                                + "\r\nContent-Length: "
                                + xml.length
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + xml.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(xml, 0, request, head.length, xml.length);
        assertThat(RawHttp.exchange(url.getPort(), request, false).status()).isEqualTo(201);
        assertThat(getXml("application/xml")).isEqualTo(MODEL_XML);
    }

    @Test
    void aPutIgnoresPropertiesTheModelDoesNotHave() {
        put(
                        owner.token(),
                        "application/json",
                        "{\"Property\": {\"Address\": \"Kirkeveien 2\", \"unknown\": 1}, \"extra\": [1]}")
                .statusCode(201);
        assertThat(getJson(null))
                .isEqualTo("{\"property\":{\"address\":\"Kirkeveien 2\"},\"neighbours\":[]}");
    }

    @Test
    void aPutThatDoesNotFitListsEveryViolationAndChangesNothing() {
        put(owner.token(), "application/json", MODEL).statusCode(201);
        String before = state();
        put(
                        owner.token(),
                        "application/json",
                        "{\"property\": {\"municipalityNumber\": \"three\", \"plotArea\": true},"
                                + " \"startDate\": \"2026-02-30\", \"neighboursNotified\": \"yes\","
                                + " \"neighbours\": [{\"plotNumber\": 0}, null]}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:form-data-invalid"))
                .body("errors", hasSize(6))
                .body(
                        "errors.path",
                        hasItems(
                                "/property/municipalityNumber",
                                "/property/plotArea",
                                "/startDate",
                                "/neighboursNotified",
                                "/neighbours/0/plotNumber",
                                "/neighbours/1"));
        put(owner.token(), "application/xml", "<BuildingPermit><property><plotArea>x</plotArea>")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:form-data-invalid"));
        put(owner.token(), "application/xml", "<Other/>")
                .statusCode(400)
                .body("errors[0].problem", containsString("root element"));
        put(owner.token(), "application/json", "{\"a\": ")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:malformed-json"));
        put(owner.token(), "text/plain", "hello")
                .statusCode(415)
                .body("type", equalTo("urn:app-instances:problem:unsupported-media-type"));
        assertThat(state()).isEqualTo(before);
        assertThat(getJson(null)).isEqualTo(MODEL);
    }

    @Test
    void theJsonHasItsOwnEntityTag() {
        put(owner.token(), "application/json", MODEL).statusCode(201);
        String xmlTag = as(owner.token()).accept("application/xml").get(formPath()).header("ETag");
        String jsonTag = as(owner.token()).get(formPath()).header("ETag");
        String rowsTag =
                as(owner.token()).queryParam("includeRowId", "true").get(formPath()).header("ETag");
        assertThat(jsonTag).isNotEqualTo(xmlTag).isNotEqualTo(rowsTag).startsWith("\"");
        as(owner.token())
                .header("If-None-Match", jsonTag)
                .get(formPath())
                .then()
                .statusCode(304)
                .header("ETag", jsonTag);
        as(owner.token())
                .header("If-None-Match", xmlTag)
                .get(formPath())
                .then()
                .statusCode(200)
                .header("ETag", jsonTag);
        as(owner.token())
                .accept("application/xml")
                .header("If-None-Match", xmlTag)
                .get(formPath())
                .then()
                .statusCode(304);
        put(owner.token(), "application/json", "{}").statusCode(201);
        as(owner.token()).header("If-None-Match", jsonTag).get(formPath()).then().statusCode(200);
    }

    @Test
    void queryParametersOfTheBrowserClientAreAccepted() {
        as(owner.token())
                .queryParam("includeRowId", "true")
                .queryParam("language", "nb")
                .get(formPath())
                .then()
                .statusCode(200)
                .body("neighbours", hasSize(0));
        as(owner.token())
                .queryParam("includeRowId", "maybe")
                .get(formPath())
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-query-parameter"));
    }

    @Test
    void binaryElementsAreServedAsStored() {
        byte[] pdf = "%PDF-1.4 not really".getBytes(StandardCharsets.UTF_8);
        String attachment =
                as(owner.token())
                        .contentType("application/pdf")
                        .queryParam("dataType", "attachment")
                        .body(pdf)
                        .post(BASE + "/" + instance + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        assertThat(
                        as(owner.token())
                                .accept("application/json")
                                .get(BASE + "/" + instance + "/data/" + attachment)
                                .then()
                                .statusCode(200)
                                .contentType("application/pdf")
                                .extract()
                                .asByteArray())
                .isEqualTo(pdf);
        // a binary replace is answered as before: 200
        as(owner.token())
                .contentType("application/pdf")
                .body(pdf)
                .put(BASE + "/" + instance + "/data/" + attachment)
                .then()
                .statusCode(200);
    }

    @Test
    void eachKindOfCaller() {
        long org = parties.organisation();
        TestParties.TestUser delegated = parties.user();
        parties.delegate(delegated.userId(), org, "[\"DAGL\"]");
        JsonPath created =
                as(delegated.token())
                        .queryParam("instanceOwnerPartyId", org)
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        instance = created.getString("id");
        form = created.getString("data[0].id");
        put(delegated.token(), "application/json", MODEL).statusCode(201);
        as(delegated.token())
                .get(formPath())
                .then()
                .statusCode(200)
                .body("property.address", equalTo("Storgata 1"));
        String appOwner = Tokens.appOwner();
        put(appOwner, "application/json", "{\"description\": \"by the owner\"}").statusCode(201);
        as(appOwner)
                .get(formPath())
                .then()
                .statusCode(200)
                .body("description", equalTo("by the owner"));
        as(Tokens.organisation(TestParties.orgNumber(org))).get(formPath()).then().statusCode(200);
        String before = state();
        String stranger = parties.user().token();
        String otherOrg = Tokens.organisation(TestParties.orgNumber(parties.organisation()));
        for (String token : List.of(stranger, otherOrg)) {
            as(token).get(formPath()).then().statusCode(403);
            put(token, "application/json", MODEL).statusCode(403);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anArchivedInstanceCannotChangeItsForm() {
        put(owner.token(), "application/json", MODEL).statusCode(201);
        as(owner.token()).put(BASE + "/" + instance + "/process/next").then().statusCode(200);
        as(owner.token())
                .contentType("application/json")
                .body("{\"action\": \"confirm\"}")
                .put(BASE + "/" + instance + "/process/next")
                .then()
                .statusCode(200);
        String before = state();
        put(owner.token(), "application/json", "{}")
                .statusCode(409)
                .body("type", equalTo("urn:app-instances:problem:instance-not-writable"));
        assertThat(state()).isEqualTo(before);
        assertThat(getJson(null)).isEqualTo(MODEL);
    }
}
