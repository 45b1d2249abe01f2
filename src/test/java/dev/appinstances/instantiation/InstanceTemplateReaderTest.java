package dev.appinstances.instantiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.http.JsonBodies;
import dev.appinstances.instance.ReadStatus;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.problem.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstanceTemplateReaderTest {

    final InstanceTemplateReader reader =
            new InstanceTemplateReader(new JsonBodies(new ObjectMapper()));

    CreateInstanceCommand read(String json, String queryPartyId) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), queryPartyId);
    }

    @Test
    void theQueryPartyIdAloneNamesTheOwner() {
        assertThat(read("", "50001337").owner()).isEqualTo(new OwnerLookup.ByPartyId(50001337));
        assertThat(read("{}", "50001337").owner()).isEqualTo(new OwnerLookup.ByPartyId(50001337));
    }

    @Test
    void eachTemplateIdentifierBecomesItsLookup() {
        assertThat(read("{\"instanceOwner\":{\"partyId\":42}}", null).owner())
                .isEqualTo(new OwnerLookup.ByPartyId(42));
        assertThat(read("{\"instanceOwner\":{\"personNumber\":\" 12247918309 \"}}", null).owner())
                .isEqualTo(new OwnerLookup.ByPersonNumber("12247918309"));
        assertThat(read("{\"instanceOwner\":{\"organisationNumber\":\"310000001\"}}", null).owner())
                .isEqualTo(new OwnerLookup.ByOrganisationNumber("310000001"));
        assertThat(
                        read("{\"instanceOwner\":{\"username\":\"kari\",\"partyId\":\"\"}}", null)
                                .owner())
                .isEqualTo(new OwnerLookup.ByUsername("kari"));
    }

    @Test
    void noneOrTwoIdentifiersAreRejected() {
        assertThatThrownBy(() -> read("{}", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("owner is missing");
        assertThatThrownBy(() -> read("{\"instanceOwner\":{\"partyId\":\"1\"}}", "1"))
                .hasMessageContaining("instanceOwnerPartyId (query) and instanceOwner.partyId");
        assertThatThrownBy(() -> read("", "0")).hasMessageContaining("positive integer");
    }

    @Test
    void datesNeedAZoneAndAreKeptToTheMicrosecond() {
        var command =
                read(
                        "{\"instanceOwner\":{\"partyId\":1},\"dueBefore\":\"2026-06-01T12:00:00.9876543+01:00\"}",
                        null);
        assertThat(command.dueBefore()).isEqualTo(Instant.parse("2026-06-01T11:00:00.987654Z"));
        assertThat(command.visibleAfter()).isNull();
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"instanceOwner\":{\"partyId\":1},\"visibleAfter\":\"2026-06-01\"}",
                                        null))
                .hasMessageStartingWith("visibleAfter must be an ISO-8601 date-time with a zone");
    }

    @Test
    void readStatusIsANumberOrAltinnName() {
        assertThat(
                        read(
                                        "{\"instanceOwner\":{\"partyId\":1},\"status\":{\"readStatus\":\"read\"}}",
                                        null)
                                .readStatus())
                .isEqualTo(ReadStatus.READ);
        assertThat(
                        read(
                                        "{\"instanceOwner\":{\"partyId\":1},\"status\":{\"readStatus\":2}}",
                                        null)
                                .readStatus())
                .isEqualTo(ReadStatus.UPDATED_SINCE_LAST_REVIEW);
        assertThat(
                        read(
                                        "{\"instanceOwner\":{\"partyId\":1},\"status\":{\"readStatus\":\"0\"}}",
                                        null)
                                .readStatus())
                .isEqualTo(ReadStatus.UNREAD);
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"instanceOwner\":{\"partyId\":1},\"status\":{\"readStatus\":true}}",
                                        null))
                .hasMessageContaining("status.readStatus");
    }

    @Test
    void syntaxErrorsAreMalformedJsonAndShapeErrorsNameTheField() {
        assertThatThrownBy(() -> read("{\"a\":", null))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> read("\"text\"", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The instance template must be a JSON object");
        assertThatThrownBy(() -> read("{\"status\":{\"substatus\":[]}}", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Field 'status.substatus' has a value of the wrong type");
    }
}
