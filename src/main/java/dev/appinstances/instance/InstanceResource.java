package dev.appinstances.instance;

import dev.appinstances.appmetadata.AppSettings;
import dev.appinstances.auth.CallerFactory;
import dev.appinstances.common.MediaTypes;
import dev.appinstances.common.Paths;
import dev.appinstances.common.RequestBodies;
import dev.appinstances.data.MultipartUploads;
import dev.appinstances.problem.UnsupportedContentTypeException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(Paths.INSTANCES)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instances", description = "Create and read instances of the app")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class InstanceResource {

    private final InstanceService service;
    private final InstanceTemplateReader templates;
    private final MultipartUploads uploads;
    private final SimplifiedInstantiation simplified;
    private final RequestBodies bodies;
    private final CallerFactory callers;
    private final JsonWebToken token;
    private final InstanceMetrics metrics;
    private final long maxJsonBodySize;

    public InstanceResource(
            InstanceService service,
            InstanceTemplateReader templates,
            MultipartUploads uploads,
            SimplifiedInstantiation simplified,
            RequestBodies bodies,
            CallerFactory callers,
            JsonWebToken token,
            InstanceMetrics metrics,
            AppSettings settings) {
        this.service = service;
        this.templates = templates;
        this.uploads = uploads;
        this.simplified = simplified;
        this.bodies = bodies;
        this.callers = callers;
        this.token = token;
        this.metrics = metrics;
        this.maxJsonBodySize = settings.limits().maxJsonBodySize().asLongValue();
    }

    @POST
    @Operation(
            summary = "Create an instance from a JSON instance template",
            description =
                    "The owner is given by exactly one of the instanceOwnerPartyId query parameter,"
                            + " instanceOwner.partyId, personNumber, organisationNumber or"
                            + " username. The process starts in its first task.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InstanceTemplate.class),
                            examples = {
                                @ExampleObject(name = "by partyId", value = Examples.BY_PARTY_ID),
                                @ExampleObject(
                                        name = "by person number",
                                        value = Examples.BY_PERSON_NUMBER)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the instance's URL",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<InstanceView>> create(
            @Parameter(description = "The owner's party id (instead of one in the template)")
                    @QueryParam("instanceOwnerPartyId")
                    String instanceOwnerPartyId,
            @Context HttpServerRequest request) {
        return metrics.counted("create", () -> createFromJson(instanceOwnerPartyId, request));
    }

    private Uni<RestResponse<InstanceView>> createFromJson(
            String instanceOwnerPartyId, HttpServerRequest request) {
        var caller = callers.from(token);
        service.checkMayInstantiate(caller, false);
        return bodies.readAll(request, maxJsonBodySize)
                .map(body -> templates.read(requireJson(request, body), instanceOwnerPartyId))
                .chain(command -> service.create(caller, command, List.of(), false))
                .map(InstanceResource::created);
    }

    private static RestResponse<InstanceView> created(InstanceView instance) {
        return RestResponse.ResponseBuilder.<InstanceView>created(
                        URI.create(instance.selfLinks().apps()))
                .entity(instance)
                .build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Create an instance with data elements from a multipart body",
            description =
                    "Part 'instance' (application/json, optional, any position) is the instance"
                            + " template; every other part is named after a data type and becomes a"
                            + " data element, in upload order. Parts are validated and stored as they"
                            + " stream in; the first violation is answered at once and nothing is"
                            + " kept.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            implementation = MultipartCreateForm.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the instance's URL",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<InstanceView>> createWithData(
            @Parameter(description = "The owner's party id (instead of one in the template)")
                    @QueryParam("instanceOwnerPartyId")
                    String instanceOwnerPartyId,
            @Context HttpServerRequest request) {
        return metrics.counted(
                "create-multipart", () -> createFromMultipart(instanceOwnerPartyId, request));
    }

    private Uni<RestResponse<InstanceView>> createFromMultipart(
            String instanceOwnerPartyId, HttpServerRequest request) {
        var caller = callers.from(token);
        service.checkMayInstantiate(caller, false);
        return uploads.receive(request)
                .chain(
                        received ->
                                Uni.createFrom()
                                        .item(
                                                () ->
                                                        templates.read(
                                                                received.instanceTemplate(),
                                                                instanceOwnerPartyId))
                                        .chain(
                                                command ->
                                                        service.create(
                                                                caller,
                                                                command,
                                                                received.parts(),
                                                                false))
                                        .onFailure()
                                        .call(() -> uploads.discard(received.blobIds())))
                .map(InstanceResource::created);
    }

    @POST
    @Path("create")
    @Operation(
            summary = "Simplified create: form data from a key/value prefill, or a copy",
            description =
                    "prefill maps dotted paths of the form data model to values (typed by the model"
                            + " schema; unknown paths or wrong types are 400, listing every key)."
                            + " sourceInstanceId copies an archived instance of the same owner, as"
                            + " copyInstanceSettings allow. Not both.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SimplifiedCreateRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the instance's URL",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    public Uni<RestResponse<InstanceView>> createSimplified(@Context HttpServerRequest request) {
        return metrics.counted(
                "create-simplified",
                () -> {
                    var caller = callers.from(token);
                    return bodies.readAll(request, maxJsonBodySize)
                            .chain(body -> simplified.create(caller, requireJson(request, body)))
                            .map(InstanceResource::created);
                });
    }

    @GET
    @Path(Paths.PARTY_ID + "/" + Paths.INSTANCE_GUID)
    @Operation(summary = "Get an instance, with its owner's party")
    @APIResponse(
            responseCode = "200",
            description = "The instance",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Uni<RestResponse<InstanceView>> get(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("instanceOwnerPartyId")
                    long instanceOwnerPartyId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("instanceGuid")
                    UUID instanceGuid,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return service.get(callers.from(token), instanceOwnerPartyId, instanceGuid)
                .map(instance -> withETag(instance, ifNoneMatch));
    }

    /** 304 when the client's copy is current, else the document with its ETag. */
    private static RestResponse<InstanceView> withETag(
            VersionedInstance instance, String ifNoneMatch) {
        var response =
                InstanceETags.matches(ifNoneMatch, instance.etag())
                        ? RestResponse.ResponseBuilder.<InstanceView>notModified()
                        : RestResponse.ResponseBuilder.ok(instance.document());
        return response.header(HttpHeaders.ETAG, instance.etag()).build();
    }

    /** A non-empty body must be JSON; an empty one means "no template". */
    private static byte[] requireJson(HttpServerRequest request, byte[] body) {
        if (body.length == 0) {
            return body;
        }
        String contentType = request.getHeader("Content-Type");
        if (!MediaTypes.isJson(contentType)) {
            throw new UnsupportedContentTypeException(
                    "An instance template must be sent as application/json, not "
                            + (contentType == null ? "without a Content-Type" : contentType));
        }
        return body;
    }
}
