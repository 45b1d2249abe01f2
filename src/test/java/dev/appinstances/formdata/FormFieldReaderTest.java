package dev.appinstances.formdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormFieldReaderTest {

    static Map<String, String> read(String xml, String... paths) {
        return FormFieldReader.read(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), List.of(paths));
    }

    @Test
    void pathsMatchElementsIgnoringCaseAndDashesBelowTheRoot() {
        String xml =
                "<?xml version=\"1.0\"?><Form><property><address>Storgata &amp; 1</address>"
                        + "<municipality-number>301</municipality-number></property></Form>";
        assertThat(read(xml, "Property.Address", "property.municipalityNumber"))
                .containsEntry("Property.Address", "Storgata & 1")
                .containsEntry("property.municipalityNumber", "301");
    }

    @Test
    void absentFieldsAndGroupsAreNullAndTheFirstRepeatCounts() {
        String xml = "<Form><a><b>one</b></a><a><b>two</b></a><c/></Form>";
        Map<String, String> values = read(xml, "a.b", "a", "missing", "c");
        assertThat(values.get("a.b")).isEqualTo("one");
        assertThat(values.get("a")).isNull();
        assertThat(values.get("missing")).isNull();
        assertThat(values.get("c")).isEmpty();
        assertThat(values).containsOnlyKeys("a.b", "a", "missing", "c");
    }

    @Test
    void cdataIsText() {
        assertThat(read("<F><x><![CDATA[<b>]]></x></F>", "x")).containsEntry("x", "<b>");
    }

    @Test
    void malformedXmlAndDoctypesAreRefused() {
        assertThatThrownBy(() -> read("<F><x>", "x")).isInstanceOf(InvalidXmlException.class);
        assertThatThrownBy(() -> read("<!DOCTYPE F [<!ENTITY e \"x\">]><F>&e;</F>", "x"))
                .isInstanceOf(InvalidXmlException.class);
    }
}
