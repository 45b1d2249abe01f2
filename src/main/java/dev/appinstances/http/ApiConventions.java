package dev.appinstances.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.Parameter.In;
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
 * </ul>
 *
 * The components these refer to are defined in {@link ApiComponents}.
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
    private static final String JSON = "application/json";

    /** The operations where Altinn's App API takes a {@code language} query parameter. */
    private static final Set<String> TAKE_LANGUAGE =
            Set.of(
                    "createInstance",
                    "createInstanceSimplified",
                    "processNext",
                    "completeProcess",
                    "downloadData",
                    "uploadData",
                    "deleteData");

    private static final Map<String, String> PATH_PARAMETER_DESCRIPTIONS =
            Map.of(
                    "instanceOwnerPartyId", "The instance owner's party id",
                    "instanceGuid", "The instance's guid",
                    "dataGuid", "The data element's guid",
                    "eventGuid", "The instance event's id",
                    "subscriptionId", "The event subscription's id");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        ApiComponents.addTo(components);
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

    /** One shared {@code language} parameter, whether the resource declares it or not. */
    private static void languageParameter(Operation operation) {
        List<Parameter> parameters =
                operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean declared =
                parameters.stream()
                        .anyMatch(p -> "language".equals(p.getName()) && p.getIn() == In.QUERY);
        if (declared) {
            operation.setParameters(
                    parameters.stream()
                            .filter(p -> !("language".equals(p.getName()) && p.getIn() == In.QUERY))
                            .collect(Collectors.toCollection(ArrayList::new)));
        }
        if (declared || TAKE_LANGUAGE.contains(operation.getOperationId())) {
            operation.addParameter(OASFactory.createParameter().ref(PARAMETERS + "Language"));
        }
    }

    private static void describe(String path, boolean writes, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>()); // explicitly public
        }
        pathParameters(path, operation);
        languageParameter(operation);
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
                OASFactory.createAPIResponse().ref(ApiComponents.problemResponse(status)));
    }

    private static void respond(APIResponses responses, String status, APIResponse response) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, response);
        }
    }

    private static void header(APIResponses responses, String status, String name) {
        APIResponse response = responses.getAPIResponse(status);
        if (response != null && response.getRef() == null) {
            response.addHeader(name, ApiComponents.header(name.replace("-", "")));
        }
    }

    private static APIResponse notModified() {
        return OASFactory.createAPIResponse()
                .description("The client's copy (If-None-Match) is current; no body")
                .addHeader("ETag", ApiComponents.header("ETag"));
    }
}
