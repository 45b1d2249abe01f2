package dev.appinstances.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.problem.ProblemType;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /q/openapi} is valid and describes the API as it behaves: the path
 * parameters a client must fill in, binary bodies, the query grammar, the conditional and retry
 * responses, problem+json errors and one security scheme.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final String APP = "/{org}/{app}/instances";
    private static final String INSTANCE = APP + "/{instanceOwnerPartyId}/{instanceGuid}";
    private static final String DATA = INSTANCE + "/data/{dataGuid}";
    private static final String STORAGE_DATA =
            "/storage/api/v1/instances/{instanceOwnerPartyId}/{instanceGuid}/data/{dataGuid}";

    private static SwaggerParseResult parsed;
    private static OpenAPI api;

    /** Once per class; not in a static @BeforeAll, which runs before the test port is known. */
    @BeforeEach
    void fetch() {
        if (parsed != null) {
            return;
        }
        String json =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        parsed = new OpenAPIV3Parser().readContents(json, null, options);
        api = parsed.getOpenAPI();
    }

    @Test
    void theValidatorFindsNothing() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getPaths()).isNotEmpty();
    }

    @Test
    void everyPathTemplateHasARequiredPathParameterOnEveryOperation() {
        eachOperation(
                (path, operation) -> {
                    List<String> names = new ArrayList<>();
                    Matcher matcher = TEMPLATE.matcher(path);
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                    List<Parameter> declared =
                            parameters(operation).stream()
                                    .filter(p -> "path".equals(p.getIn()))
                                    .toList();
                    assertThat(declared)
                            .as("path parameters of %s %s", path, operation.getOperationId())
                            .extracting(Parameter::getName)
                            .containsExactlyElementsOf(names);
                    assertThat(declared).allSatisfy(p -> assertThat(p.getRequired()).isTrue());
                });
        Parameter org = parameters(post(APP)).get(0);
        assertThat(org.getName()).isEqualTo("org");
        assertThat(org.getExample()).isEqualTo("ttd");
        assertThat(org.getSchema().getEnum()).containsExactly("ttd");
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        List<String> ids = new ArrayList<>();
        eachOperation((path, operation) -> ids.add(operation.getOperationId()));
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.matches("[a-z][a-zA-Z]+"));
        assertThat(ids)
                .contains(
                        "createInstance",
                        "getInstance",
                        "uploadData",
                        "downloadData",
                        "queryInstances");
    }

    @Test
    void downloadsAreBinaryAndNoVertxTypesAreSchemas() {
        for (String path : List.of(DATA, STORAGE_DATA)) {
            Operation download = api.getPaths().get(path).getGet();
            for (String status : List.of("200", "206")) {
                Content content = response(download, status).getContent();
                assertThat(content).as("%s %s", path, status).containsOnlyKeys("*/*");
                assertBinary(content.get("*/*").getSchema());
            }
            assertThat(response(download, "416").getContent())
                    .containsKey("application/problem+json");
        }
        assertThat(api.getComponents().getSchemas()).doesNotContainKeys("Buffer", "ByteBuf");
    }

    @Test
    void uploadsAreRawBinaryBodiesOfANamedDataType() {
        for (Operation upload :
                List.of(post(INSTANCE + "/data"), api.getPaths().get(DATA).getPut())) {
            RequestBody body = requestBody(upload);
            assertThat(body.getRequired()).isTrue();
            // the content types the served app's data types allow (the bundled example app)
            assertThat(body.getContent())
                    .containsKeys("application/xml", "application/pdf", "text/plain")
                    .doesNotContainKey("*/*");
            body.getContent().values().forEach(type -> assertBinary(type.getSchema()));
            assertThat(parameters(upload))
                    .extracting(Parameter::getName)
                    .contains("Content-Disposition");
        }
        Parameter dataType = parameter(post(INSTANCE + "/data"), "dataType");
        assertThat(dataType.getIn()).isEqualTo("query");
        assertThat(dataType.getRequired()).isTrue();
        assertThat(dataType.getSchema().getEnum())
                .containsExactly("model", "attachment", "ref-data-as-pdf");
    }

    @Test
    void createsDescribeTheirBodiesAndIdempotencyKeys() {
        Operation create = post(APP);
        Content content = requestBody(create).getContent();
        assertThat(content.get("application/json").getSchema().get$ref())
                .endsWith("/InstanceTemplate");
        MediaType multipart = content.get("multipart/form-data");
        assertThat(multipart.getEncoding().get("instance").getContentType())
                .isEqualTo("application/json");
        Schema<?> parts = resolve(multipart.getSchema());
        assertThat(parts.getProperties()).containsKeys("instance", "model", "attachment");
        assertBinary(parts.getProperties().get("attachment"));
        assertThat(
                        resolve(
                                        post(APP + "/create")
                                                .getRequestBody()
                                                .getContent()
                                                .get("application/json")
                                                .getSchema())
                                .getProperties())
                .containsKeys("prefill", "sourceInstanceId");
        for (Operation creating :
                List.of(create, post(APP + "/create"), post(INSTANCE + "/data"))) {
            assertThat(parameter(creating, "Idempotency-Key").getIn()).isEqualTo("header");
            assertThat(creating.getResponses()).containsKeys("201", "409", "422");
            assertThat(response(creating, "201").getHeaders())
                    .containsKeys("Location", "Idempotent-Replayed");
        }
    }

    @Test
    void conditionalRequestsAndOutagesHaveTheirResponses() {
        Operation get = api.getPaths().get(INSTANCE).getGet();
        assertThat(parameter(get, "If-None-Match").getIn()).isEqualTo("header");
        assertThat(get.getResponses()).containsKeys("200", "304");
        assertThat(response(get, "200").getHeaders()).containsKey("ETag");
        for (Operation change :
                List.of(
                        api.getPaths().get(INSTANCE).getDelete(),
                        api.getPaths().get(INSTANCE + "/substatus").getPut(),
                        api.getPaths().get(INSTANCE + "/process/next").getPut(),
                        api.getPaths().get(DATA).getPut())) {
            assertThat(parameter(change, "If-Match").getIn()).isEqualTo("header");
            assertThat(change.getResponses()).containsKeys("409", "412");
        }
        assertThat(parameter(api.getPaths().get(DATA).getGet(), "Range").getIn())
                .isEqualTo("header");
        eachOperation(
                (path, operation) -> {
                    if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                        assertThat(operation.getResponses())
                                .as(operation.getOperationId())
                                .containsKeys("400", "401", "503");
                        assertThat(response(operation, "503").getHeaders())
                                .containsKey("Retry-After");
                    }
                });
    }

    @Test
    void languageIsDeclaredWhereAltinnsClientsSendIt() {
        List<Operation> taking =
                List.of(
                        post(APP),
                        post(APP + "/create"),
                        api.getPaths().get(INSTANCE + "/process/next").getPut(),
                        api.getPaths().get(INSTANCE + "/process/completeProcess").getPut(),
                        api.getPaths().get(DATA).getGet(),
                        api.getPaths().get(DATA).getDelete(),
                        post(INSTANCE + "/data"));
        for (Operation operation : taking) {
            Parameter language = parameter(operation, "language");
            assertThat(language.getIn()).isEqualTo("query");
            assertThat(language.getRequired()).isNotEqualTo(Boolean.TRUE);
        }
        assertThat(parameters(api.getPaths().get(INSTANCE).getGet()))
                .extracting(Parameter::getName)
                .doesNotContain("language");
    }

    @Test
    void theQueryDeclaresItsWholeGrammar() {
        Operation query = api.getPaths().get("/storage/api/v1/instances").getGet();
        assertThat(parameters(query))
                .extracting(Parameter::getName)
                .containsExactlyInAnyOrder(
                        "appId",
                        "org",
                        "instanceOwner.partyId",
                        "process.currentTask",
                        "process.isComplete",
                        "process.ended",
                        "lastChanged",
                        "created",
                        "dueBefore",
                        "visibleAfter",
                        "status.isArchived",
                        "status.isSoftDeleted",
                        "status.isHardDeleted",
                        "excludeConfirmedBy",
                        "confirmed",
                        "searchString",
                        "order",
                        "size",
                        "continuationToken");
        Schema<?> lastChanged = parameter(query, "lastChanged").getSchema();
        assertThat(lastChanged.getTypes()).contains("array");
        assertThat(resolve(lastChanged.getItems()).getPattern()).contains("gt|gte|lt|lte|eq");
        assertThat(parameter(query, "order").getSchema().getEnum())
                .containsExactlyInAnyOrder("desc:lastChanged", "asc:lastChanged");
    }

    @Test
    void errorsAreProblemsWithTheTypesTheServiceSends() {
        Set<String> emitted = new HashSet<>();
        Arrays.stream(ProblemType.values()).forEach(type -> emitted.add(type.uri()));
        Map<String, ApiResponse> responses = api.getComponents().getResponses();
        assertThat(responses)
                .containsKeys(
                        "BadRequest",
                        "NotAcceptable",
                        "PreconditionFailed",
                        "RangeNotSatisfiable",
                        "UnprocessableContent",
                        "ServiceUnavailable");
        responses.forEach(
                (name, response) -> {
                    MediaType problem = response.getContent().get("application/problem+json");
                    if (problem == null) {
                        return; // a data element's content
                    }
                    assertThat(problem.getSchema().get$ref()).endsWith("/Problem");
                    assertThat(problem.getExamples()).as(name).isNotEmpty();
                    problem.getExamples()
                            .values()
                            .forEach(
                                    example ->
                                            assertThat(((Map<?, ?>) example.getValue()).get("type"))
                                                    .isIn(emitted));
                });
    }

    @Test
    void oneServerAndOneSecurityScheme() {
        assertThat(api.getServers()).isNotEmpty();
        assertThat(api.getServers().get(0).getUrl()).isEqualTo("/");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("jwt");
        assertThat(api.getComponents().getSecuritySchemes().get("jwt").getScheme())
                .isEqualTo("bearer");
        assertThat(post(APP).getSecurity())
                .extracting(r -> r.keySet())
                .containsExactly(Set.of("jwt"));
        assertThat(
                        api.getPaths()
                                .get("/{org}/{app}/api/v1/applicationmetadata")
                                .getGet()
                                .getSecurity())
                .isEmpty();
    }

    private static void eachOperation(BiConsumer<String, Operation> check) {
        api.getPaths()
                .forEach(
                        (path, item) ->
                                item.readOperations()
                                        .forEach(operation -> check.accept(path, operation)));
    }

    private static Operation post(String path) {
        PathItem item = api.getPaths().get(path);
        assertThat(item).as(path).isNotNull();
        return item.getPost();
    }

    private static List<Parameter> parameters(Operation operation) {
        List<Parameter> resolved = new ArrayList<>();
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                resolved.add(
                        parameter.get$ref() == null
                                ? parameter
                                : api.getComponents()
                                        .getParameters()
                                        .get(name(parameter.get$ref())));
            }
        }
        return resolved;
    }

    private static Parameter parameter(Operation operation, String name) {
        return parameters(operation).stream()
                .filter(p -> name.equals(p.getName()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(operation.getOperationId() + " lacks " + name));
    }

    private static ApiResponse response(Operation operation, String status) {
        ApiResponse response = operation.getResponses().get(status);
        assertThat(response).as(operation.getOperationId() + " " + status).isNotNull();
        return response.get$ref() == null
                ? response
                : api.getComponents().getResponses().get(name(response.get$ref()));
    }

    private static RequestBody requestBody(Operation operation) {
        RequestBody body = operation.getRequestBody();
        assertThat(body).as(operation.getOperationId()).isNotNull();
        return body.get$ref() == null
                ? body
                : api.getComponents().getRequestBodies().get(name(body.get$ref()));
    }

    private static Schema<?> resolve(Schema<?> schema) {
        return schema.get$ref() == null
                ? schema
                : api.getComponents().getSchemas().get(name(schema.get$ref()));
    }

    private static void assertBinary(Schema<?> schema) {
        assertThat(schema.getTypes()).contains("string");
        assertThat(schema.getFormat()).isEqualTo("binary");
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
