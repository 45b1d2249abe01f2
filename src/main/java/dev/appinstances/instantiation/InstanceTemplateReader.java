package dev.appinstances.instantiation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appinstances.common.Timestamps;
import dev.appinstances.http.JsonBodies;
import dev.appinstances.instance.ReadStatus;
import dev.appinstances.instance.Substatus;
import dev.appinstances.instantiation.InstanceTemplate.OwnerTemplate;
import dev.appinstances.instantiation.InstanceTemplate.StatusTemplate;
import dev.appinstances.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and checks an instance template; every problem names the field it is about. */
@ApplicationScoped
public class InstanceTemplateReader {

    private final JsonBodies json;

    public InstanceTemplateReader(JsonBodies json) {
        this.json = json;
    }

    /**
     * @param body the request body; empty means "no template"
     * @param queryPartyId the {@code instanceOwnerPartyId} query parameter, or null
     */
    public CreateInstanceCommand read(byte[] body, String queryPartyId) {
        return read(body, queryPartyId, "The instance template");
    }

    /**
     * @param what names the template in messages, e.g. the multipart section it came in
     */
    public CreateInstanceCommand read(byte[] body, String queryPartyId, String what) {
        InstanceTemplate template =
                body.length == 0 ? null : json.object(body, InstanceTemplate.class, what);
        return toCommand(template, queryPartyId);
    }

    CreateInstanceCommand toCommand(InstanceTemplate template, String queryPartyId) {
        OwnerTemplate owner = template == null ? null : template.instanceOwner();
        StatusTemplate status = template == null ? null : template.status();
        return new CreateInstanceCommand(
                ownerLookup(owner, queryPartyId),
                template == null ? null : instant("dueBefore", template.dueBefore()),
                template == null ? null : instant("visibleAfter", template.visibleAfter()),
                status == null ? null : readStatus(status.readStatus()),
                status == null ? null : substatus(status.substatus()),
                template == null ? null : template.dataValues());
    }

    private static OwnerLookup ownerLookup(OwnerTemplate owner, String queryPartyId) {
        Map<String, String> given = new LinkedHashMap<>();
        putIfGiven(given, "instanceOwnerPartyId (query)", queryPartyId);
        if (owner != null) {
            putIfGiven(given, "instanceOwner.partyId", owner.partyId());
            putIfGiven(given, "instanceOwner.personNumber", owner.personNumber());
            putIfGiven(given, "instanceOwner.organisationNumber", owner.organisationNumber());
            putIfGiven(given, "instanceOwner.username", owner.username());
        }
        if (given.isEmpty()) {
            throw new InvalidRequestException(
                    "The instance owner is missing: give the instanceOwnerPartyId query parameter,"
                            + " or one of instanceOwner.partyId, personNumber, organisationNumber"
                            + " or username in the template");
        }
        if (given.size() > 1) {
            throw new InvalidRequestException(
                    "Give exactly one instance owner identifier, not "
                            + String.join(" and ", given.keySet()));
        }
        var only = given.entrySet().iterator().next();
        String value = only.getValue().trim();
        return switch (only.getKey()) {
            case "instanceOwner.personNumber" -> new OwnerLookup.ByPersonNumber(value);
            case "instanceOwner.organisationNumber" -> new OwnerLookup.ByOrganisationNumber(value);
            case "instanceOwner.username" -> new OwnerLookup.ByUsername(value);
            default -> new OwnerLookup.ByPartyId(partyId(only.getKey(), value));
        };
    }

    private static long partyId(String field, String value) {
        try {
            long partyId = Long.parseLong(value);
            if (partyId > 0) {
                return partyId;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException(
                field + " must be a positive integer, was '" + value + "'");
    }

    private static void putIfGiven(Map<String, String> given, String field, String value) {
        if (value != null && !value.isBlank()) {
            given.put(field, value);
        }
    }

    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        return Timestamps.parse(value)
                .map(instant -> instant.truncatedTo(ChronoUnit.MICROS))
                .orElseThrow(
                        () ->
                                new InvalidRequestException(
                                        field
                                                + " must be "
                                                + Timestamps.EXPECTED
                                                + "; was '"
                                                + value
                                                + "'"));
    }

    private static ReadStatus readStatus(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isIntegralNumber()) {
            var parsed = ReadStatus.parse(value.asText());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw new InvalidRequestException(
                "status.readStatus must be 0, 1, 2, Unread, Read or UpdatedSinceLastReview; was "
                        + value);
    }

    private static Substatus substatus(Substatus substatus) {
        if (substatus != null && (substatus.label() == null || substatus.label().isBlank())) {
            throw new InvalidRequestException("status.substatus.label is required");
        }
        return substatus;
    }
}
