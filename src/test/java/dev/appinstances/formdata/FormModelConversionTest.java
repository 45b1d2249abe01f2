package dev.appinstances.formdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormModelConversionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    static final FormModel RICH =
            FormModel.compile(PrefillXmlTest.load("formdata/rich.schema.json"));
    static final FormModel PERMIT = FormModel.compile(PrefillXmlTest.BUILDING_PERMIT);

    static final String RICH_XML =
            DECLARATION
                    + "<Skjema versjon=\"2&amp;&quot;b&quot;\"><tittel>Søknad &lt;1&gt;</tittel>"
                    + "<antall>12</antall><belop>1234.5</belop><godkjent>true</godkjent>"
                    + "<dato>2026-05-01</dato><emneord>a</emneord><emneord></emneord>"
                    + "<eiendommer altinnRowId=\"r1\" kode=\"K1\"><areal>0.25</areal>"
                    + "<adresse><vei>Storgata 1</vei></adresse>"
                    + "<deler altinnRowId=\"r2\"><areal>1</areal></deler></eiendommer>"
                    + "<eiendommer altinnRowId=\"r3\"/><kontakt/></Skjema>";

    static ObjectNode xml(FormModel model, String xml) {
        return model.fromXml(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), false);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static JsonNode json(String json) {
        try {
            return FormJson.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedFormJsonException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<FormViolation> violations(Runnable read) {
        try {
            read.run();
        } catch (InvalidFormDataException e) {
            return e.violations();
        }
        throw new AssertionError("expected violations");
    }

    @Test
    void xmlToJsonTypesListsNestingAttributesAndEmptyValues() throws Exception {
        ObjectNode tree = xml(RICH, RICH_XML);
        JsonNode json = JSON.readTree(FormModel.toJson(tree, true));
        assertThat(json.get("versjon").textValue()).isEqualTo("2&\"b\"");
        assertThat(json.get("tittel").textValue()).isEqualTo("Søknad <1>");
        assertThat(json.get("antall").isIntegralNumber()).isTrue();
        assertThat(json.get("antall").intValue()).isEqualTo(12);
        assertThat(json.get("belop").isNumber()).isTrue();
        assertThat(json.get("belop").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(json.get("godkjent").isBoolean()).isTrue();
        assertThat(json.get("emneord")).hasSize(2);
        assertThat(json.get("emneord").get(1).textValue()).isEmpty();
        assertThat(json.at("/eiendommer/0/kode").textValue()).isEqualTo("K1");
        assertThat(json.at("/eiendommer/0/adresse/vei").textValue()).isEqualTo("Storgata 1");
        assertThat(json.at("/eiendommer/0/deler/0/areal").intValue()).isEqualTo(1);
        assertThat(json.at("/eiendommer/1/deler").isArray()).isTrue();
        assertThat(json.at("/eiendommer/1/deler")).isEmpty();
        assertThat(json.get("kontakt").isObject()).isTrue();
        assertThat(json.get("kontakt")).isEmpty();
        // schema order, the schema's casing
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "versjon",
                        "tittel",
                        "antall",
                        "belop",
                        "godkjent",
                        "dato",
                        "emneord",
                        "eiendommer",
                        "kontakt");
    }

    @Test
    void unchangedModelGivesTheSameXmlBytes() {
        ObjectNode tree = xml(RICH, RICH_XML);
        assertThat(text(RICH.toXml(tree))).isEqualTo(RICH_XML);
        ObjectNode again =
                RICH.fromJson(json(text(FormModel.toJson(tree, true))), JsonInput.STRICT, false);
        assertThat(text(RICH.toXml(again))).isEqualTo(RICH_XML);
    }

    @Test
    void prefilledAndEmptyFormsRoundTripByteForByte() {
        byte[] prefilled =
                PERMIT.prefill(
                        Map.of(
                                "property.address", "Storgata 1",
                                "property.municipalityNumber", "301",
                                "property.plotArea", "512.75",
                                "neighboursNotified", "false",
                                "description", ""));
        assertThat(PERMIT.toXml(xml(PERMIT, text(prefilled)))).isEqualTo(prefilled);
        byte[] empty = PERMIT.prefill(Map.of());
        assertThat(PERMIT.toXml(xml(PERMIT, text(empty)))).isEqualTo(empty);
        assertThat(text(FormModel.toJson(xml(PERMIT, text(empty)), false)))
                .isEqualTo("{\"neighbours\":[]}");
    }

    @Test
    void aSingleOccurrenceIsAListOfOne() {
        ObjectNode tree = xml(RICH, DECLARATION + "<Skjema><emneord>x</emneord></Skjema>");
        assertThat(tree.get("emneord")).hasSize(1);
        assertThat(tree.get("emneord").get(0).textValue()).isEqualTo("x");
    }

    @Test
    void absentAndNullAreNoElementEmptyStringIsAnEmptyElement() {
        ObjectNode tree =
                RICH.fromJson(
                        json("{\"tittel\": \"\", \"antall\": null, \"kontakt\": {\"navn\": null}}"),
                        JsonInput.STRICT,
                        false);
        assertThat(text(RICH.toXml(tree)))
                .isEqualTo(DECLARATION + "<Skjema><tittel></tittel><kontakt/></Skjema>");
        ObjectNode back = xml(RICH, text(RICH.toXml(tree)));
        assertThat(back.get("tittel").textValue()).isEmpty();
        assertThat(back.has("antall")).isFalse();
        assertThat(xml(RICH, DECLARATION + "<Skjema><antall/></Skjema>").has("antall")).isFalse();
    }

    @Test
    void rowIdsAreShownOnlyWhenAskedForAndAssignedOnWrites() throws Exception {
        ObjectNode tree = xml(RICH, RICH_XML);
        assertThat(text(FormModel.toJson(tree, false))).doesNotContain("altinnRowId");
        assertThat(text(FormModel.toJson(tree, true))).contains("\"altinnRowId\":\"r1\"");
        ObjectNode written =
                RICH.fromJson(
                        json("{\"eiendommer\": [{\"kode\": \"A\", \"deler\": [{}]}]}"),
                        JsonInput.LENIENT,
                        true);
        assertThat(written.at("/eiendommer/0/altinnRowId").textValue()).hasSize(36);
        assertThat(written.at("/eiendommer/0/deler/0/altinnRowId").textValue()).hasSize(36);
        ObjectNode kept =
                RICH.fromJson(
                        json("{\"eiendommer\": [{\"altinnRowId\": \"keep\"}]}"),
                        JsonInput.STRICT,
                        true);
        assertThat(kept.at("/eiendommer/0/altinnRowId").textValue()).isEqualTo("keep");
    }

    @Test
    void jsonPropertiesMatchIgnoringCaseAndUnknownOnesAreIgnoredOnlyWhenLenient() {
        JsonNode body =
                json("{\"TITTEL\": \"x\", \"kontakt\": {\"epost\": \"a@b\"}, \"extra\": 1}");
        ObjectNode tree = RICH.fromJson(body, JsonInput.LENIENT, false);
        assertThat(tree.get("tittel").textValue()).isEqualTo("x");
        assertThat(tree.at("/kontakt/Epost").textValue()).isEqualTo("a@b");
        assertThat(violations(() -> RICH.fromJson(body, JsonInput.STRICT, false)))
                .containsExactly(new FormViolation("/extra", "not in the data model"));
    }

    @Test
    void everyViolationIsListedWithItsPath() {
        JsonNode body =
                json(
                        "{\"tittel\": 5, \"antall\": \"many\", \"belop\": true, \"godkjent\": \"yes\","
                                + " \"dato\": \"2026-13-01\", \"emneord\": [null, 1],"
                                + " \"eiendommer\": {}, \"kontakt\": [], \"versjon\": \"123456789\"}");
        List<FormViolation> found = violations(() -> RICH.fromJson(body, JsonInput.STRICT, false));
        assertThat(found)
                .extracting(FormViolation::path)
                .containsExactly(
                        "/tittel",
                        "/antall",
                        "/belop",
                        "/godkjent",
                        "/dato",
                        "/emneord/0",
                        "/emneord/1",
                        "/eiendommer",
                        "/kontakt");
        assertThat(
                        violations(
                                () ->
                                        RICH.fromJson(
                                                json("{\"antall\": 1001}"),
                                                JsonInput.STRICT,
                                                false)))
                .extracting(FormViolation::problem)
                .containsExactly("above the maximum 1000: 1001");
        assertThat(
                        violations(
                                () ->
                                        RICH.fromJson(
                                                json("{\"antall\": 1.5}"),
                                                JsonInput.STRICT,
                                                false)))
                .hasSize(1);
    }

    @Test
    void numbersMayBeStringsOnlyWhenLenient() {
        JsonNode body = json("{\"antall\": \"7\", \"belop\": \"0.10\"}");
        ObjectNode tree = RICH.fromJson(body, JsonInput.LENIENT, false);
        assertThat(tree.get("antall").longValue()).isEqualTo(7);
        assertThat(text(FormModel.toJson(tree, false))).contains("\"belop\":0.1");
        assertThat(violations(() -> RICH.fromJson(body, JsonInput.STRICT, false))).hasSize(2);
    }

    @Test
    void decimalsStayExactAndPlain() {
        ObjectNode tree =
                RICH.fromJson(
                        json("{\"belop\": 12345678901234567890.123456789}"),
                        JsonInput.STRICT,
                        false);
        assertThat(text(FormModel.toJson(tree, false)))
                .isEqualTo(
                        "{\"belop\":12345678901234567890.123456789,\"emneord\":[],\"eiendommer\":[]}");
        ObjectNode big = RICH.fromJson(json("{\"belop\": 1E+3}"), JsonInput.STRICT, false);
        assertThat(text(RICH.toXml(big))).contains("<belop>1000</belop>");
    }

    @Test
    void xmlViolationsAndUnknownElements() {
        assertThat(
                        violations(
                                () ->
                                        xml(
                                                RICH,
                                                "<Skjema><antall>x</antall><tittel>a</tittel>"
                                                        + "<tittel>b</tittel><kontakt><navn><b/></navn>"
                                                        + "</kontakt></Skjema>")))
                .extracting(FormViolation::path)
                .containsExactly("/antall", "/tittel", "/kontakt/navn");
        ObjectNode tree = xml(RICH, "<Skjema><ukjent><x/></ukjent><tittel>a</tittel></Skjema>");
        assertThat(tree.get("tittel").textValue()).isEqualTo("a");
        assertThat(violations(() -> xml(RICH, "<Annet/>")))
                .containsExactly(
                        new FormViolation("/", "the root element is <Annet>, not <Skjema>"));
        assertThatThrownBy(() -> xml(RICH, "<Skjema>")).isInstanceOf(InvalidXmlException.class);
        assertThatThrownBy(() -> xml(RICH, "<!DOCTYPE x []><Skjema/>"))
                .isInstanceOf(InvalidXmlException.class);
    }

    @Test
    void namespacesAndNilAreUnderstood() {
        ObjectNode tree =
                xml(
                        RICH,
                        "<s:Skjema xmlns:s=\"urn:x\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                                + "<s:tittel>t</s:tittel><antall xsi:nil=\"true\"/></s:Skjema>");
        assertThat(tree.get("tittel").textValue()).isEqualTo("t");
        assertThat(tree.has("antall")).isFalse();
    }

    @Test
    void aListOfListsIsRefusedAtStartup() {
        JsonNode schema =
                PrefillXmlTest.schema(
                        "{\"title\": \"R\", \"type\": \"object\", \"properties\": {\"m\": {\"type\":"
                                + " \"array\", \"items\": {\"type\": \"array\", \"items\": {}}}}}");
        assertThatThrownBy(() -> FormModel.compile(schema))
                .isInstanceOf(InvalidFormSchemaException.class)
                .hasMessageContaining("list of lists");
    }
}
