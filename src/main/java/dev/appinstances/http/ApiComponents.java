package dev.appinstances.http;

import dev.appinstances.problem.Problem;
import dev.appinstances.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The shared parts of the OpenAPI document that {@link ApiConventions} refers to: the {@code
 * org}/{@code app} path parameters, the conditional and retry headers, the upload body and download
 * responses, and one problem response per status with every {@link ProblemType} of that status as
 * an example.
 */
final class ApiComponents {

    private static final String HEADERS = "#/components/headers/";
    private static final String RESPONSES = "#/components/responses/";

    /** Problem responses by status: component name and description. */
    private static final Map<Integer, String[]> PROBLEM_RESPONSES = new LinkedHashMap<>();

    static {
        define(400, "BadRequest", "The request is invalid; nothing was changed");
        define(401, "Unauthorized", "No token, or an invalid or expired one");
        define(
                403,
                "Forbidden",
                "The caller may not do this (rights, authentication level, party type, scope)");
        define(404, "NotFound", "No such app, party, instance, data element or instance event");
        define(
                406,
                "NotAcceptable",
                "Accept names no type this operation answers with (application/json)");
        define(
                409,
                "Conflict",
                "The instance or data element cannot be changed now (archived, deleted, locked,"
                        + " other task, max count, a concurrent change), a request with the"
                        + " same Idempotency-Key is still in flight, a test operation of a form"
                        + " data patch does not hold, or stored form data cannot be read as its"
                        + " model");
        define(412, "PreconditionFailed", "If-Match names a version the instance no longer has");
        define(413, "PayloadTooLarge", "The body is larger than the configured limit");
        define(415, "UnsupportedMediaType", "The body's content type is not accepted here");
        define(416, "RangeNotSatisfiable", "The Range starts beyond the end of the content");
        define(
                422,
                "UnprocessableContent",
                "The Idempotency-Key was used for a different request by the same caller, or a"
                        + " form data patch cannot be applied or gives a model that does not fit");
        define(
                503,
                "ServiceUnavailable",
                "The database is unavailable; retry after the number of seconds in Retry-After");
    }

    private static void define(int status, String name, String description) {
        PROBLEM_RESPONSES.put(status, new String[] {name, description});
    }

    private ApiComponents() {}

    static void addTo(Components components) {
        addParameters(components);
        addHeaders(components);
        addProblemResponses(components);
        addContent(components);
    }

    /** The reference to the problem response of a status. */
    static String problemResponse(int status) {
        return RESPONSES + PROBLEM_RESPONSES.get(status)[0];
    }

    /** A reference to a response header component. */
    static Header header(String name) {
        return OASFactory.createHeader().ref(HEADERS + name);
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
                "Language",
                OASFactory.createParameter()
                        .name("language")
                        .in(Parameter.In.QUERY)
                        .required(false)
                        .description(
                                "The user's language, as Altinn's clients send it (nb, nn, en)."
                                        + " Accepted for compatibility; this service's messages are"
                                        + " in English whatever it says.")
                        .schema(stringSchema())
                        .example("nb"));
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
                        .addHeader("ETag", header("ETag"))
                        .addHeader("Accept-Ranges", header("AcceptRanges"))
                        .addHeader("Content-Disposition", header("ContentDisposition"))
                        .content(binaryContent(binary)));
        components.addResponse(
                "PartialDataContent",
                OASFactory.createAPIResponse()
                        .description("The range the Range header asked for")
                        .addHeader("ETag", header("ETag"))
                        .addHeader("Content-Range", header("ContentRange"))
                        .addHeader("Content-Disposition", header("ContentDisposition"))
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
                        response.addHeader("Retry-After", header("RetryAfter"));
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
