package dev.appinstances.http;

import dev.appinstances.problem.Problem;
import dev.appinstances.problem.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation of the OpenAPI document shares, added once here instead of on every resource
 * method:
 *
 * <ul>
 *   <li>the {@code org} and {@code app} path parameters of every {@code /{org}/{app}/...} path (the
 *       resources never bind them: {@code AppPathFilter} checks them for every request), and a
 *       description for every other path parameter; path parameters come first, in path order;
 *   <li>the conditional and retry headers, each with the responses it makes possible: {@code
 *       If-None-Match} 304, {@code If-Match} 412, {@code Range} 206 and 416, {@code
 *       Idempotency-Key} 409 (in flight) and 422 (reused for another request), with the headers of
 *       a 201;
 *   <li>the problem responses every operation can give: 400 (malformed headers or parameters), 406
 *       for JSON answers, and, for the operations that need a token and the database, 401 and 503
 *       with {@code Retry-After}; a change can always meet a concurrent one (409);
 *   <li>the problem responses themselves, one per status, with every {@link ProblemType} of that
 *       status as an example.
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiConventions implements OASFilter {

    public static final String SECURITY_SCHEME = "jwt";

    /** The request body of a data element upload or replacement: the raw content. */
    public static final String UPLOAD = "#/components/requestBodies/DataContent";

    /** The optional Content-Disposition header of an upload, with the filename. */
    public static final String CONTENT_DISPOSITION = "#/components/parameters/ContentDisposition";

    /** A data element's content, as a download answers with it. */
    public static final String CONTENT = "#/components/responses/DataContent";

    /** One range of a data element's content (206). */
    public static final String PARTIAL_CONTENT = "#/components/responses/PartialDataContent";

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final String PARAMETERS = "#/components/parameters/";
    private static final String RESPONSES = "#/components/responses/";
    private static final String HEADERS = "#/components/headers/";
    private static final String JSON = "application/json";

    /** Problem responses by status: component name and description. */
    private static final Map<Integer, String[]> PROBLEM_RESPONSES = new LinkedHashMap<>();

    static {
        problemResponse(400, "BadRequest", "The request is invalid; nothing was changed");
        problemResponse(401, "Unauthorized", "No token, or an invalid or expired one");
        problemResponse(
                403,
                "Forbidden",
                "The caller may not do this (rights, authentication level, party type, scope)");
        problemResponse(404, "NotFound", "No such app, party, instance or data element");
        problemResponse(
                406,
                "NotAcceptable",
                "Accept names no type this operation answers with (application/json)");
        problemResponse(
                409,
                "Conflict",
                "The instance or data element cannot be changed now (archived, deleted, locked,"
                        + " other task, max count, a concurrent change), or a request with the"
                        + " same Idempotency-Key is still in flight");
        problemResponse(
                412, "PreconditionFailed", "If-Match names a version the instance no longer has");
        problemResponse(413, "PayloadTooLarge", "The body is larger than the configured limit");
        problemResponse(
                415, "UnsupportedMediaType", "The body's content type is not accepted here");
        problemResponse(
                416, "RangeNotSatisfiable", "The Range starts beyond the end of the content");
        problemResponse(
                422,
                "IdempotencyKeyReused",
                "The Idempotency-Key was used for a different request by the same caller");
        problemResponse(
                503,
                "ServiceUnavailable",
                "The database is unavailable; retry after the number of seconds in Retry-After");
    }

    private static final Map<String, String> PATH_PARAMETER_DESCRIPTIONS =
            Map.of(
                    "instanceOwnerPartyId", "The instance owner's party id",
                    "instanceGuid", "The instance's guid",
                    "dataGuid", "The data element's guid");

    private static void problemResponse(int status, String name, String description) {
        PROBLEM_RESPONSES.put(status, new String[] {name, description});
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        addParameters(components);
        addHeaders(components);
        addProblemResponses(components);
        addContent(components);
        if (api.getPaths() != null) {
            api.getPaths()
                    .getPathItems()
                    .forEach(
                            (path, item) ->
                                    item.getOperations()
                                            .forEach(
                                                    (method, operation) ->
                                                            describe(
                                                                    path,
                                                                    method
                                                                            != PathItem.HttpMethod
                                                                                    .GET,
                                                                    operation)));
        }
        if (components.getSchemas() != null) {
            // Vert.x types of the streamed download, which the responses describe as binary.
            components.removeSchema("Buffer");
            components.removeSchema("ByteBuf");
        }
    }

    private static void describe(String path, boolean writes, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>()); // explicitly public
        }
        pathParameters(path, operation);
        APIResponses responses = operation.getResponses();
        // A response given by reference is the component, whatever the scanner guessed next to it.
        responses.getAPIResponses().values().stream()
                .filter(response -> response.getRef() != null)
                .forEach(
                        response -> {
                            response.setDescription(null);
                            response.setContent(null);
                        });
        for (Parameter parameter : List.copyOf(parameters(operation))) {
            if (parameter.getIn() != Parameter.In.HEADER || parameter.getName() == null) {
                continue;
            }
            switch (parameter.getName().toLowerCase(Locale.ROOT)) {
                case "if-none-match" -> {
                    replace(operation, parameter, "IfNoneMatch");
                    respond(responses, "304", notModified());
                    header(responses, "200", "ETag");
                }
                case "if-match" -> {
                    replace(operation, parameter, "IfMatch");
                    problem(responses, 412);
                }
                case "range" -> {
                    replace(operation, parameter, "Range");
                    header(responses, "206", "Content-Range");
                    problem(responses, 416);
                }
                case "idempotency-key" -> {
                    replace(operation, parameter, "IdempotencyKey");
                    header(responses, "201", "Location");
                    header(responses, "201", "Idempotent-Replayed");
                    problem(responses, 409);
                    problem(responses, 422);
                }
                default -> {
                    // no convention
                }
            }
        }
        problem(responses, 400);
        if (answersJson(responses)) {
            problem(responses, 406);
        }
        if (secured && writes) {
            problem(responses, 409); // concurrent-modification, at least
        }
        if (secured) {
            problem(responses, 401);
            problem(responses, 503);
        }
    }

    /** Every template variable has a required parameter; path parameters first, in path order. */
    private static void pathParameters(String path, Operation operation) {
        List<Parameter> declared = parameters(operation);
        List<Parameter> ordered = new ArrayList<>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            String name = matcher.group(1);
            Parameter found =
                    declared.stream()
                            .filter(p -> p.getIn() == Parameter.In.PATH && name.equals(p.getName()))
                            .findFirst()
                            .orElse(null);
            if (found == null) {
                found = OASFactory.createParameter().ref(PARAMETERS + name);
            } else if (found.getDescription() == null) {
                found.setDescription(PATH_PARAMETER_DESCRIPTIONS.get(name));
            }
            ordered.add(found);
        }
        declared.stream().filter(p -> p.getIn() != Parameter.In.PATH).forEach(ordered::add);
        operation.setParameters(ordered);
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private static void replace(Operation operation, Parameter parameter, String component) {
        List<Parameter> parameters = new ArrayList<>(operation.getParameters());
        parameters.set(
                parameters.indexOf(parameter),
                OASFactory.createParameter().ref(PARAMETERS + component));
        operation.setParameters(parameters);
    }

    private static boolean answersJson(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .map(e -> e.getValue().getContent())
                .anyMatch(c -> c != null && c.hasMediaType(JSON));
    }

    private static void problem(APIResponses responses, int status) {
        respond(
                responses,
                Integer.toString(status),
                OASFactory.createAPIResponse().ref(RESPONSES + PROBLEM_RESPONSES.get(status)[0]));
    }

    private static void respond(APIResponses responses, String status, APIResponse response) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, response);
        }
    }

    private static void header(APIResponses responses, String status, String name) {
        APIResponse response = responses.getAPIResponse(status);
        if (response != null && response.getRef() == null) {
            response.addHeader(name, ref(HEADERS, name.replace("-", "")));
        }
    }

    private static Header ref(String prefix, String name) {
        return OASFactory.createHeader().ref(prefix + name);
    }

    private static APIResponse notModified() {
        return OASFactory.createAPIResponse()
                .description("The client's copy (If-None-Match) is current; no body")
                .addHeader("ETag", ref(HEADERS, "ETag"));
    }

    private static void addParameters(Components components) {
        components.addParameter(
                "org",
                pathParameter(
                        "org",
                        "The app owner's organisation code. This service serves one app: any other"
                                + " {org}/{app} is 404 app-not-found.",
                        "ttd"));
        components.addParameter(
                "app",
                pathParameter(
                        "app",
                        "The app's name (the part of the app id after the slash)",
                        "example-app"));
        components.addParameter(
                "IdempotencyKey",
                header(
                        "Idempotency-Key",
                        "Makes the create safe to retry: the same key and the same request within"
                                + " the retention window give the first response again"
                                + " (Idempotent-Replayed: true) and create nothing; the same key"
                                + " for another request is 422, a request with the key still in"
                                + " flight is 409. A key belongs to one caller. 1 to 255 visible"
                                + " ASCII characters, bare or as a Structured Fields string.",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .minLength(1)
                                .maxLength(257),
                        "8e03978e-40d5-43e8-bc93-6894a57f9324"));
        components.addParameter(
                "IfMatch",
                header(
                        "If-Match",
                        "ETags of the instance (from its GET): the change is made only if the"
                                + " instance still has one of them (or for *), else 412."
                                + " Every change of the instance, its data or its confirmations"
                                + " gives it a new ETag.",
                        stringSchema(),
                        "\"7d0f40a1-4cc2-4d36-8b04-5e1c2f0f4d8b.3\""));
        components.addParameter(
                "IfNoneMatch",
                header(
                        "If-None-Match",
                        "ETags the client has: when the instance still has one of them (or for"
                                + " *), the answer is 304 without a body",
                        stringSchema(),
                        "\"7d0f40a1-4cc2-4d36-8b04-5e1c2f0f4d8b.3\""));
        components.addParameter(
                "Range",
                header(
                        "Range",
                        "One byte range (bytes=first-last, bytes=first- or bytes=-suffixLength)"
                                + " gives 206 with that part; a range starting beyond the end is"
                                + " 416. Several ranges or other units are ignored (200, whole"
                                + " content).",
                        stringSchema(),
                        "bytes=0-1023"));
    }

    private static void addHeaders(Components components) {
        components.addHeader(
                "ETag",
                responseHeader(
                        "The version of the instance, or the SHA-256 (hex, quoted) of a data"
                                + " element's content"));
        components.addHeader("Location", responseHeader("The URL of what was created"));
        components.addHeader(
                "IdempotentReplayed",
                responseHeader(
                        "true when this is the first response again, replayed for the same"
                                + " Idempotency-Key"));
        components.addHeader(
                "RetryAfter",
                responseHeader("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        components.addHeader(
                "ContentRange",
                responseHeader("The part sent, as bytes first-last/size, e.g. bytes 0-1023/4096"));
        components.addHeader(
                "ContentDisposition",
                responseHeader(
                        "attachment with the data element's filename (filename and RFC 8187"
                                + " filename*), when it has one"));
        components.addHeader("AcceptRanges", responseHeader("bytes: single ranges are served"));
    }

    private static void addContent(Components components) {
        Schema binary =
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary");
        components.addRequestBody(
                "DataContent",
                OASFactory.createRequestBody()
                        .required(true)
                        .description(
                                "The content, streamed as sent. Its Content-Type must be one the"
                                        + " data type allows (allowedContentTypes in the"
                                        + " application metadata; any when the list is empty)"
                                        + " and is stored with the element; the size is bounded by"
                                        + " the type's maxSize.")
                        .content(
                                OASFactory.createContent()
                                        .addMediaType(
                                                "application/octet-stream",
                                                OASFactory.createMediaType().schema(binary))));
        components.addParameter(
                "ContentDisposition",
                header(
                        "Content-Disposition",
                        "The element's filename: attachment; filename=\"...\" or RFC 8187"
                                + " filename*=UTF-8''...; without it the element has no filename",
                        stringSchema(),
                        "attachment; filename=\"report.pdf\""));
        components.addResponse(
                "DataContent",
                OASFactory.createAPIResponse()
                        .description("The content, with the Content-Type it was stored with")
                        .addHeader("ETag", ref(HEADERS, "ETag"))
                        .addHeader("Accept-Ranges", ref(HEADERS, "AcceptRanges"))
                        .addHeader("Content-Disposition", ref(HEADERS, "ContentDisposition"))
                        .content(binaryContent(binary)));
        components.addResponse(
                "PartialDataContent",
                OASFactory.createAPIResponse()
                        .description("The range the Range header asked for")
                        .addHeader("ETag", ref(HEADERS, "ETag"))
                        .addHeader("Content-Range", ref(HEADERS, "ContentRange"))
                        .addHeader("Content-Disposition", ref(HEADERS, "ContentDisposition"))
                        .content(binaryContent(binary)));
    }

    /** Any media type: a download's Content-Type is the one its content was stored with. */
    private static org.eclipse.microprofile.openapi.models.media.Content binaryContent(
            Schema binary) {
        return OASFactory.createContent()
                .addMediaType("*/*", OASFactory.createMediaType().schema(binary));
    }

    private static void addProblemResponses(Components components) {
        PROBLEM_RESPONSES.forEach(
                (status, nameAndDescription) -> {
                    Map<String, Example> examples = new LinkedHashMap<>();
                    for (ProblemType type : ProblemType.values()) {
                        if (type.status() == status) {
                            Map<String, Object> value = new LinkedHashMap<>();
                            value.put("type", type.uri());
                            value.put("title", type.title());
                            value.put("status", type.status());
                            examples.put(
                                    type.uri().substring(ProblemType.URI_PREFIX.length()),
                                    OASFactory.createExample().summary(type.title()).value(value));
                        }
                    }
                    MediaType problem =
                            OASFactory.createMediaType()
                                    .schema(
                                            OASFactory.createSchema()
                                                    .ref("#/components/schemas/Problem"))
                                    .examples(examples);
                    APIResponse response =
                            OASFactory.createAPIResponse()
                                    .description(nameAndDescription[1])
                                    .content(
                                            OASFactory.createContent()
                                                    .addMediaType(Problem.MEDIA_TYPE, problem));
                    if (status == 503) {
                        response.addHeader("Retry-After", ref(HEADERS, "RetryAfter"));
                    }
                    components.addResponse(nameAndDescription[0], response);
                });
    }

    private static Parameter pathParameter(String name, String description, String example) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.PATH)
                .required(true)
                .description(description)
                .schema(stringSchema())
                .example(example);
    }

    private static Parameter header(
            String name, String description, Schema schema, String example) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .required(false)
                .description(description)
                .schema(schema)
                .example(example);
    }

    private static Header responseHeader(String description) {
        return OASFactory.createHeader().description(description).schema(stringSchema());
    }

    private static Schema stringSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
