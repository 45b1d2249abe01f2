package dev.appinstances.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appinstances.formdata.FormJson;
import dev.appinstances.formdata.MalformedFormJsonException;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.problem.MalformedJsonException;
import dev.appinstances.problem.UnsupportedContentTypeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads PATCH bodies as Altinn binds them (property names ignoring case, unknown ones ignored):
 * {@code {"patch": [ops]}} for one element, {@code {"patches": [{"dataElementId", "patch"}]}} for
 * several. {@code ignoredValidators} is accepted; this service runs no validators.
 */
final class PatchRequests {

    /** The operations for one element. */
    record ElementPatch(UUID dataElementId, JsonNode operations) {}

    private PatchRequests() {}

    static List<ElementPatch> single(String contentType, byte[] body, UUID dataElementId) {
        JsonNode request = object(contentType, body);
        return List.of(
                new ElementPatch(dataElementId, operations(field(request, "patch"), "patch")));
    }

    static List<ElementPatch> multi(String contentType, byte[] body) {
        JsonNode patches = field(object(contentType, body), "patches");
        if (patches == null || !patches.isArray()) {
            throw new InvalidRequestException("Field 'patches' must be a list of element patches");
        }
        List<ElementPatch> all = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < patches.size(); i++) {
            String at = "patches[" + i + "]";
            JsonNode patch = patches.get(i);
            if (!patch.isObject()) {
                throw new InvalidRequestException("Field '" + at + "' must be an object");
            }
            UUID id = uuid(field(patch, "dataElementId"), at + ".dataElementId");
            if (!seen.add(id)) {
                throw new InvalidRequestException(
                        "Data element "
                                + id
                                + " is patched twice; give all its operations in one patch");
            }
            all.add(new ElementPatch(id, operations(field(patch, "patch"), at + ".patch")));
        }
        return all;
    }

    private static JsonNode object(String contentType, byte[] body) {
        if (!MediaTypes.isJson(contentType)) {
            throw new UnsupportedContentTypeException(
                    "A PATCH body is application/json, not "
                            + (contentType == null ? "without a Content-Type" : contentType));
        }
        JsonNode request;
        try {
            request = FormJson.parse(body);
        } catch (MalformedFormJsonException e) {
            throw new MalformedJsonException(e.getMessage());
        }
        if (!request.isObject()) {
            throw new InvalidRequestException("The PATCH body must be a JSON object");
        }
        return request;
    }

    private static JsonNode operations(JsonNode operations, String at) {
        if (operations == null || !operations.isArray()) {
            throw new InvalidRequestException(
                    "Field '" + at + "' must be a list of JSON Patch operations (RFC 6902)");
        }
        return operations;
    }

    private static UUID uuid(JsonNode value, String at) {
        try {
            if (value != null && value.isTextual()) {
                return UUID.fromString(value.textValue());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new InvalidRequestException("Field '" + at + "' must be a data element id (a GUID)");
    }

    /** A property by name ignoring case, or null. */
    private static JsonNode field(JsonNode object, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
