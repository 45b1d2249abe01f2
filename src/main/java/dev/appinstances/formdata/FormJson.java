package dev.appinstances.formdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads JSON bodies that carry form data: decimals kept exactly ({@code BigDecimal}, never a
 * double), a duplicated property or trailing content refused.
 */
public final class FormJson {

    static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .build();

    private FormJson() {}

    /**
     * @throws MalformedFormJsonException with the line and column of the first error
     */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedFormJsonException("The body is empty, not JSON");
            }
            return tree;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new MalformedFormJsonException(
                    "The body is not valid JSON"
                            + (at == null
                                    ? ""
                                    : " (line "
                                            + at.getLineNr()
                                            + ", column "
                                            + at.getColumnNr()
                                            + ")")
                            + ": "
                            + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedFormJsonException("The body could not be read as JSON");
        }
    }
}
