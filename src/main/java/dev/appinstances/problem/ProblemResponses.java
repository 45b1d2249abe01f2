package dev.appinstances.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Renders problems as {@code application/problem+json} and counts every refusal in {@code
 * app_requests_rejected_total{type,status}}, whichever layer refused the request.
 */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper json;
    private final MeterRegistry registry;

    public ProblemResponses(ObjectMapper json, MeterRegistry registry) {
        this.json = json;
        this.registry = registry;
    }

    public Response respond(Problem problem) {
        return respond(problem, Map.of());
    }

    public Response respond(Problem problem, Map<String, String> headers) {
        return respond(problem, headers, Map.of());
    }

    /** With extension members after the standard ones. */
    public Response respond(
            Problem problem, Map<String, String> headers, Map<String, Object> extensions) {
        var response =
                Response.status(problem.status())
                        .type(Problem.MEDIA_TYPE)
                        .entity(body(problem, extensions));
        headers.forEach(response::header);
        return response.build();
    }

    /** The document, counted as a refusal. */
    public String body(Problem problem) {
        return body(problem, Map.of());
    }

    private String body(Problem problem, Map<String, Object> extensions) {
        registry.counter(
                        "app.requests.rejected",
                        "type",
                        problem.type().substring(ProblemType.URI_PREFIX.length()),
                        "status",
                        String.valueOf(problem.status()))
                .increment();
        try {
            if (extensions.isEmpty()) {
                return json.writeValueAsString(problem);
            }
            ObjectNode document = json.valueToTree(problem);
            extensions.forEach((name, value) -> document.set(name, json.valueToTree(value)));
            return json.writeValueAsString(document);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
