package dev.appinstances.formdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PrefillXmlTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    static final JsonNode BUILDING_PERMIT = load("example-app/models/model.schema.json");
    static final JsonNode REFS = load("prefill/refs.schema.json");

    static JsonNode load(String resource) {
        try (InputStream in = PrefillXmlTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode schema(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String xml(JsonNode schema, Map<String, String> prefill) {
        return new String(PrefillXml.write(schema, prefill), StandardCharsets.UTF_8);
    }

    static PrefillException rejection(JsonNode schema, Map<String, String> prefill) {
        try {
            PrefillXml.write(schema, prefill);
        } catch (PrefillException e) {
            return e;
        }
        throw new AssertionError("expected the prefill to be rejected: " + prefill);
    }

    static String problemOf(JsonNode schema, String key, String value) {
        return rejection(schema, Map.of(key, value)).problems().get(0).problem();
    }

    static String valueOf(JsonNode schema, String key, String value, String element) {
        Document document = XmlDocuments.parse(PrefillXml.write(schema, Map.of(key, value)));
        return document.getElementsByTagName(element).item(0).getTextContent();
    }

    @Test
    void placesValuesAtDottedPathsCreatingTheIntermediateElements() {
        assertThat(
                        xml(
                                BUILDING_PERMIT,
                                Map.of(
                                        "applicant.name", "Sophie",
                                        "property.municipalityNumber", "301")))
                .isEqualTo(
                        DECLARATION
                                + "<BuildingPermit><applicant><name>Sophie</name></applicant>"
                                + "<property><municipalityNumber>301</municipalityNumber>"
                                + "</property></BuildingPermit>");
    }

    @Test
    void writesElementsInSchemaPropertyOrderWhateverTheMapOrder() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("neighboursNotified", "true");
        reversed.put("startDate", "2026-05-01");
        reversed.put("description", "Garage");
        reversed.put("property.address", "Storgata 1");
        reversed.put("applicant.email", "s@example.no");
        reversed.put("applicant.name", "Sophie");

        assertThat(xml(BUILDING_PERMIT, reversed))
                .isEqualTo(
                        DECLARATION
                                + "<BuildingPermit><applicant><name>Sophie</name>"
                                + "<email>s@example.no</email></applicant>"
                                + "<property><address>Storgata 1</address></property>"
                                + "<description>Garage</description>"
                                + "<startDate>2026-05-01</startDate>"
                                + "<neighboursNotified>true</neighboursNotified>"
                                + "</BuildingPermit>");
    }

    @Test
    void matchesKeysIgnoringCaseAndWritesTheSchemaSpelling() {
        assertThat(xml(BUILDING_PERMIT, Map.of("APPLICANT.PersonNUMBER", "01017012345")))
                .isEqualTo(
                        DECLARATION
                                + "<BuildingPermit><applicant><personNumber>01017012345"
                                + "</personNumber></applicant></BuildingPermit>");
    }

    @Test
    void removesDashesFromKeysBeforeMatching() {
        assertThat(xml(BUILDING_PERMIT, Map.of("applicant.person-number", "1")))
                .contains("<personNumber>1</personNumber>");
        assertThat(xml(BUILDING_PERMIT, Map.of("neighbours-Notified", "false")))
                .contains("<neighboursNotified>false</neighboursNotified>");
    }

    @Test
    void emptyPrefillGivesTheEmptyRootElement() {
        assertThat(xml(BUILDING_PERMIT, Map.of())).isEqualTo(DECLARATION + "<BuildingPermit/>");
        assertThat(
                        XmlDocuments.parse(PrefillXml.write(BUILDING_PERMIT, Map.of()))
                                .getDocumentElement()
                                .getTagName())
                .isEqualTo("BuildingPermit");
    }

    @Test
    void fallsBackToTheSchemaTitleForTheRootElementName() {
        JsonNode titled =
                schema("{\"title\":\"Skjema\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
        assertThat(xml(titled, Map.of("a", "x")))
                .isEqualTo(DECLARATION + "<Skjema><a>x</a></Skjema>");
    }

    @Test
    void writesIntegersInCanonicalForm() {
        String field = "property.municipalityNumber";
        assertThat(valueOf(BUILDING_PERMIT, field, "0301", "municipalityNumber")).isEqualTo("301");
        assertThat(valueOf(BUILDING_PERMIT, field, "+42", "municipalityNumber")).isEqualTo("42");
        assertThat(valueOf(BUILDING_PERMIT, field, "-7", "municipalityNumber")).isEqualTo("-7");
        assertThat(valueOf(BUILDING_PERMIT, field, "9223372036854775807", "municipalityNumber"))
                .isEqualTo("9223372036854775807");
    }

    @Test
    void writesDecimalNumbersInCanonicalForm() {
        String field = "property.plotArea";
        assertThat(valueOf(BUILDING_PERMIT, field, "0012.50", "plotArea")).isEqualTo("12.5");
        assertThat(valueOf(BUILDING_PERMIT, field, "1E3", "plotArea")).isEqualTo("1000");
        assertThat(valueOf(BUILDING_PERMIT, field, "-.250", "plotArea")).isEqualTo("-0.25");
        assertThat(valueOf(BUILDING_PERMIT, field, "0.000", "plotArea")).isEqualTo("0");
        assertThat(valueOf(BUILDING_PERMIT, field, "800", "plotArea")).isEqualTo("800");
    }

    @Test
    void writesBooleansLowerCaseWhateverTheInputCase() {
        assertThat(valueOf(BUILDING_PERMIT, "neighboursNotified", "TRUE", "neighboursNotified"))
                .isEqualTo("true");
        assertThat(valueOf(BUILDING_PERMIT, "neighboursNotified", "False", "neighboursNotified"))
                .isEqualTo("false");
    }

    @Test
    void writesDatesAsIsoLocalDates() {
        assertThat(valueOf(BUILDING_PERMIT, "startDate", "2028-02-29", "startDate"))
                .isEqualTo("2028-02-29");
    }

    @Test
    void writesDateTimesWithSecondsAndTheirZone() {
        assertThat(valueOf(REFS, "Mottatt", "2026-03-01T10:15+01:00", "Mottatt"))
                .isEqualTo("2026-03-01T10:15:00+01:00");
        assertThat(valueOf(REFS, "Mottatt", "2026-03-01T10:15:30.5Z", "Mottatt"))
                .isEqualTo("2026-03-01T10:15:30.5Z");
    }

    @Test
    void writesPlainStringsAsGiven() {
        assertThat(valueOf(BUILDING_PERMIT, "description", "  007 & more  ", "description"))
                .isEqualTo("  007 & more  ");
    }

    @Test
    void rejectsValuesThatAreNotIntegers() {
        String field = "property.municipalityNumber";
        assertThat(problemOf(BUILDING_PERMIT, field, "3.5")).isEqualTo("not an integer: '3.5'");
        assertThat(problemOf(BUILDING_PERMIT, field, " 3")).startsWith("not an integer");
        assertThat(problemOf(BUILDING_PERMIT, field, "")).startsWith("not an integer");
        // Arabic-Indic digits, which Long.parseLong would accept
        assertThat(problemOf(BUILDING_PERMIT, field, "\u0663\u0660\u0661"))
                .startsWith("not an integer");
        assertThat(problemOf(BUILDING_PERMIT, field, "9223372036854775808"))
                .startsWith("integer out of range");
    }

    @Test
    void rejectsValuesThatAreNotNumbers() {
        String field = "property.plotArea";
        assertThat(problemOf(BUILDING_PERMIT, field, "big")).isEqualTo("not a number: 'big'");
        assertThat(problemOf(BUILDING_PERMIT, field, "1,5")).startsWith("not a number");
        assertThat(problemOf(BUILDING_PERMIT, field, "NaN")).startsWith("not a number");
        assertThat(problemOf(BUILDING_PERMIT, field, "Infinity")).startsWith("not a number");
    }

    @Test
    void rejectsNumbersTooLargeToWriteOutInsteadOfExpandingThem() {
        assertThat(problemOf(BUILDING_PERMIT, "property.plotArea", "1e999999"))
                .startsWith("number out of range");
        assertThat(problemOf(BUILDING_PERMIT, "property.plotArea", "1e-999999"))
                .startsWith("number out of range");
    }

    @Test
    void rejectsValuesThatAreNotBooleans() {
        assertThat(problemOf(BUILDING_PERMIT, "neighboursNotified", "yes"))
                .isEqualTo("not a boolean (true or false): 'yes'");
        assertThat(problemOf(BUILDING_PERMIT, "neighboursNotified", "1"))
                .startsWith("not a boolean");
    }

    @Test
    void rejectsValuesThatAreNotIsoDates() {
        assertThat(problemOf(BUILDING_PERMIT, "startDate", "01.03.2026"))
                .isEqualTo("not a date (yyyy-MM-dd): '01.03.2026'");
        assertThat(problemOf(BUILDING_PERMIT, "startDate", "2026-02-30")).startsWith("not a date");
        assertThat(problemOf(BUILDING_PERMIT, "startDate", "2026-03-01T00:00:00Z"))
                .startsWith("not a date");
        assertThat(problemOf(BUILDING_PERMIT, "startDate", "+12026-03-01"))
                .startsWith("not a date");
    }

    @Test
    void rejectsDateTimesWithoutZone() {
        assertThat(problemOf(REFS, "Mottatt", "2026-03-01T10:15:00"))
                .startsWith("not a date-time with zone");
        assertThat(problemOf(REFS, "Mottatt", "2026-03-01")).startsWith("not a date-time");
    }

    @Test
    void collectsEveryRejectedKeyInOneExceptionWithAReadableMessage() {
        Map<String, String> prefill = new LinkedHashMap<>();
        prefill.put("property.plotArea", "big");
        prefill.put("applicant.name", "Sophie");
        prefill.put("applicant.age", "40");
        prefill.put("neighboursNotified", "maybe");
        prefill.put("startDate", "tomorrow");

        PrefillException e = rejection(BUILDING_PERMIT, prefill);

        assertThat(e.problems())
                .containsExactly(
                        new PrefillException.Problem(
                                "applicant.age", "no such field in BuildingPermit"),
                        new PrefillException.Problem(
                                "neighboursNotified", "not a boolean (true or false): 'maybe'"),
                        new PrefillException.Problem("property.plotArea", "not a number: 'big'"),
                        new PrefillException.Problem(
                                "startDate", "not a date (yyyy-MM-dd): 'tomorrow'"));
        assertThat(e.getMessage())
                .isEqualTo(
                        "Prefill keys not accepted: applicant.age (no such field in"
                                + " BuildingPermit), neighboursNotified (not a boolean (true or"
                                + " false): 'maybe'), property.plotArea (not a number: 'big'),"
                                + " startDate (not a date (yyyy-MM-dd): 'tomorrow')");
    }

    @Test
    void rejectsPathsThatNameNoFieldOrGoThroughOrEndAtTheWrongKindOfNode() {
        Map<String, String> prefill = new LinkedHashMap<>();
        prefill.put("applicant.age", "40");
        prefill.put("nosuch.name", "x");
        prefill.put("applicant", "Sophie");
        prefill.put("description.text", "x");
        prefill.put("applicant..name", "x");
        prefill.put("applicant.name.", "x");
        prefill.put("", "x");

        assertThat(rejection(BUILDING_PERMIT, prefill).problems())
                .containsExactly(
                        new PrefillException.Problem("", "no such field in BuildingPermit"),
                        new PrefillException.Problem("applicant", "a group of fields, not a field"),
                        new PrefillException.Problem(
                                "applicant..name", "no such field in BuildingPermit"),
                        new PrefillException.Problem(
                                "applicant.age", "no such field in BuildingPermit"),
                        new PrefillException.Problem(
                                "applicant.name.",
                                "applicant.name is a field, not a group of fields"),
                        new PrefillException.Problem(
                                "description.text",
                                "description is a field, not a group of fields"),
                        new PrefillException.Problem(
                                "nosuch.name", "no such field in BuildingPermit"));
    }

    @Test
    void rejectsTwoKeysThatNameTheSameField() {
        Map<String, String> prefill = new LinkedHashMap<>();
        prefill.put("applicant.name", "Sophie");
        prefill.put("Applicant.Name", "Sofie");

        assertThat(rejection(BUILDING_PERMIT, prefill).problems())
                .containsExactly(
                        new PrefillException.Problem(
                                "applicant.name", "same field as Applicant.Name"));
    }

    @Test
    void rejectsNullValues() {
        Map<String, String> prefill = new LinkedHashMap<>();
        prefill.put("description", null);
        assertThat(rejection(BUILDING_PERMIT, prefill).problems())
                .containsExactly(new PrefillException.Problem("description", "no value"));
    }

    @Test
    void escapesMarkupSoThatTheValueReadsBackUnchanged() {
        String tricky = "<b>Tom & Jerry</b> ]]> \"q\" 'a' &amp; \r\nline\ttab ÆØÅ 😀";

        byte[] xml = PrefillXml.write(BUILDING_PERMIT, Map.of("description", tricky));

        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; ]]&gt;")
                .contains("&#13;");
        assertThat(
                        XmlDocuments.parse(xml)
                                .getElementsByTagName("description")
                                .item(0)
                                .getTextContent())
                .isEqualTo(tricky);
    }

    @Test
    void rejectsTextWithCharactersXmlCannotCarry() {
        assertThat(problemOf(BUILDING_PERMIT, "description", "bell\u0007"))
                .isEqualTo("contains characters not allowed in XML");
        assertThat(problemOf(BUILDING_PERMIT, "description", "half \uD83D pair"))
                .isEqualTo("contains characters not allowed in XML");
        assertThat(problemOf(BUILDING_PERMIT, "description", "\uFFFE"))
                .isEqualTo("contains characters not allowed in XML");
    }

    @Test
    void followsLocalRefsToDefsAndDefinitionsAndThroughAllOf() {
        Map<String, String> prefill = new LinkedHashMap<>();
        prefill.put("innsender.adresse.postnummer", "0150");
        prefill.put("innsender.navn", "Kari");
        prefill.put("eiendom.gate", "Storgata 1");
        prefill.put("eiendom.gnr", "12");

        assertThat(xml(REFS, prefill))
                .isEqualTo(
                        DECLARATION
                                + "<Melding><Innsender><Navn>Kari</Navn><Adresse>"
                                + "<Postnummer>0150</Postnummer></Adresse></Innsender>"
                                + "<Eiendom><Gnr>12</Gnr><Gate>Storgata 1</Gate></Eiendom>"
                                + "</Melding>");
    }

    @Test
    void followsRecursiveRefsAsDeepAsTheKeyGoes() {
        assertThat(xml(REFS, Map.of("Innsender.Verge.Verge.Navn", "Ola")))
                .isEqualTo(
                        DECLARATION
                                + "<Melding><Innsender><Verge><Verge><Navn>Ola</Navn></Verge>"
                                + "</Verge></Innsender></Melding>");
    }

    @Test
    void acceptsNullableTypesAsTheirNonNullType() {
        assertThat(valueOf(REFS, "Kategori", "fritid", "Kategori")).isEqualTo("fritid");
        assertThat(valueOf(REFS, "Etasjer", "03", "Etasjer")).isEqualTo("3");
        assertThat(problemOf(REFS, "Etasjer", "tre")).startsWith("not an integer");
    }

    @Test
    void respectsEnumAndConst() {
        assertThat(problemOf(REFS, "Kategori", "Bolig"))
                .isEqualTo("not one of [bolig, fritid]: 'Bolig'");
        assertThat(valueOf(REFS, "Versjon", "+2", "Versjon")).isEqualTo("2");
        assertThat(problemOf(REFS, "Versjon", "3")).isEqualTo("not one of [2]: '3'");
    }

    @Test
    void respectsMinimumMaximumAndExclusiveBounds() {
        assertThat(valueOf(REFS, "Etasjer", "1", "Etasjer")).isEqualTo("1");
        assertThat(valueOf(REFS, "Etasjer", "50", "Etasjer")).isEqualTo("50");
        assertThat(problemOf(REFS, "Etasjer", "0")).isEqualTo("below the minimum 1: 0");
        assertThat(problemOf(REFS, "Etasjer", "51")).isEqualTo("above the maximum 50: 51");
        assertThat(valueOf(REFS, "Andel", "1.0", "Andel")).isEqualTo("1");
        assertThat(problemOf(REFS, "Andel", "0.00")).isEqualTo("not above 0: 0");
    }

    @Test
    void respectsMaxLengthAndMinLengthCountingCharactersNotBytes() {
        assertThat(valueOf(REFS, "Kommentar", "ÆØÅæøå😀😀😀😀", "Kommentar"))
                .isEqualTo("ÆØÅæøå😀😀😀😀");
        assertThat(problemOf(REFS, "Kommentar", "01234567890"))
                .isEqualTo("longer than 10 characters");
        assertThat(problemOf(REFS, "Innsender.Adresse.Postnummer", "150"))
                .isEqualTo("shorter than 4 characters");
    }

    @Test
    void rejectsListsBecauseTheyCannotBePrefilled() {
        assertThat(problemOf(REFS, "Vedlegg.Navn", "a.pdf"))
                .isEqualTo("Vedlegg is a list; lists cannot be prefilled");
        assertThat(problemOf(REFS, "Vedlegg", "a.pdf"))
                .isEqualTo("Vedlegg is a list; lists cannot be prefilled");
    }

    @Test
    void quotesAtMostFiftyCharactersOfARejectedValue() {
        String problem = problemOf(BUILDING_PERMIT, "property.plotArea", "x".repeat(500));
        assertThat(problem).isEqualTo("not a number: '" + "x".repeat(50) + "…'");
    }

    @Test
    void reportsUnusableSchemasAsSchemaErrorsNotPrefillErrors() {
        JsonNode unresolvable =
                schema("{\"title\":\"R\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/Missing\"}}}");
        JsonNode external =
                schema("{\"title\":\"R\",\"properties\":{\"a\":{\"$ref\":\"other.json#/x\"}}}");
        JsonNode unnamed = schema("{\"properties\":{\"a\":{\"type\":\"string\"}}}");
        JsonNode badName =
                schema("{\"title\":\"R\",\"properties\":{\"a b\":{\"type\":\"string\"}}}");

        assertThatThrownBy(() -> PrefillXml.write(unresolvable, Map.of("a", "x")))
                .isInstanceOf(InvalidFormSchemaException.class)
                .hasMessage("unresolvable schema reference: #/$defs/Missing");
        assertThatThrownBy(() -> PrefillXml.write(external, Map.of("a", "x")))
                .isInstanceOf(InvalidFormSchemaException.class)
                .hasMessageContaining("only local schema references");
        assertThatThrownBy(() -> PrefillXml.write(unnamed, Map.of()))
                .isInstanceOf(InvalidFormSchemaException.class)
                .hasMessageContaining("names no root element");
        assertThatThrownBy(() -> PrefillXml.write(badName, Map.of("a b", "x")))
                .isInstanceOf(InvalidFormSchemaException.class)
                .hasMessageContaining("not usable as an XML element name: a b");
    }

    @Test
    void namesTheRootElementFromXsdRootElementBeforeTitle() {
        assertThat(PrefillXml.rootName(schema("{\"title\":\"T\",\"@xsdRootElement\":\"X\"}")))
                .isEqualTo("X");
        assertThat(PrefillXml.rootName(BUILDING_PERMIT)).isEqualTo("BuildingPermit");
    }
}
