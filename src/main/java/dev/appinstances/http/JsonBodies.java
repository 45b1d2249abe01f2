package dev.appinstances.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.appinstances.common.StorableText;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.problem.MalformedJsonException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one way JSON request bodies are read: syntax first (400 {@code malformed-json} with line and
 * column), then text PostgreSQL cannot store (400 naming the field), then binding to the request
 * type (400 naming the field whose value has the wrong type). Nothing reaches a rule or the
 * database before all three pass.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectReader trees;
    private final ObjectMapper binder;
    private final ObjectMapper caseInsensitiveBinder;

    public JsonBodies(ObjectMapper json) {
        this.trees = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.binder = json;
        this.caseInsensitiveBinder =
                JsonMapper.builder()
                        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
    }

    /** A JSON object body as the type; {@code what} names the document in messages. */
    public <T> T object(byte[] body, Class<T> type, String what) {
        return bind(objectTree(body, what), type, what, binder);
    }

    /** As {@link #object}, with property names matched ignoring case (as ASP.NET binds them). */
    public <T> T objectIgnoringCase(byte[] body, Class<T> type, String what) {
        return bind(objectTree(body, what), type, what, caseInsensitiveBinder);
    }

    /** The body's JSON object, checked for syntax and storable text. */
    public JsonNode objectTree(byte[] body, String what) {
        JsonNode tree = tree(body, what);
        if (tree == null || !tree.isObject()) {
            throw new InvalidRequestException(what + " must be a JSON object");
        }
        return tree;
    }

    /** Any JSON value (a string, say), checked as {@link #objectTree}; null for an empty body. */
    public JsonNode value(byte[] body, String what) {
        if (body.length == 0) {
            return null;
        }
        JsonNode tree = tree(body, what);
        return tree == null || tree.isMissingNode() ? null : tree;
    }

    private JsonNode tree(byte[] body, String what) {
        JsonNode tree;
        try {
            tree = trees.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new MalformedJsonException(
                    what
                            + " is not valid JSON"
                            + (at == null
                                    ? ""
                                    : " (line "
                                            + at.getLineNr()
                                            + ", column "
                                            + at.getColumnNr()
                                            + ")"));
        } catch (IOException e) {
            throw new MalformedJsonException(what + " could not be read as JSON");
        }
        requireStorable(tree, "");
        return tree;
    }

    private static <T> T bind(JsonNode tree, Class<T> type, String what, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            throw new InvalidRequestException(
                    "Field '" + path(e) + "' has a value of the wrong type");
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(what + " cannot be read");
        }
    }

    /** Every field name and string value must be text PostgreSQL can store. */
    private static void requireStorable(JsonNode node, String path) {
        if (node.isTextual()) {
            requireStorableText(node.textValue(), path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String inner = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                requireStorableText(field.getKey(), inner);
                requireStorable(field.getValue(), inner);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireStorable(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void requireStorableText(String text, String path) {
        String problem = StorableText.problem(text);
        if (problem != null) {
            throw new InvalidRequestException(
                    "Field '" + (path.isEmpty() ? "(the body)" : path) + "' " + problem);
        }
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return String.join(".", parts).replace(".[", "[");
    }
}
