package dev.appinstances.data;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.ApiConventions;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import dev.appinstances.http.RequestBodies;
import dev.appinstances.idempotency.CreatedResponses;
import dev.appinstances.instance.DataElementView;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;

@Path(Paths.INSTANCE + "/data")
@Authenticated
@Tag(name = "Data elements", description = "Content of an instance, streamed in and out")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class DataElementResource {

    private final DataElementService service;
    private final Downloads content;
    private final RequestBodies bodies;
    private final CurrentCaller caller;

    public DataElementResource(
            DataElementService service,
            Downloads content,
            RequestBodies bodies,
            CurrentCaller caller) {
        this.service = service;
        this.content = content;
        this.bodies = bodies;
        this.caller = caller;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "uploadData",
            summary = "Upload a data element",
            description =
                    "The raw body is the content, streamed to storage. Content-Type must be allowed"
                            + " by the data type; Content-Disposition may carry a filename.")
    @RequestBody(ref = ApiConventions.UPLOAD)
    @Parameter(ref = ApiConventions.CONTENT_DISPOSITION)
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<Object>> upload(
            @BeanParam InstancePath path,
            @Parameter(required = true, description = "The id of the element's data type")
                    @QueryParam("dataType")
                    String dataType,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpServerRequest request) {
        return service.upload(
                        caller.get(),
                        path.ref(),
                        dataType,
                        ifMatch,
                        bodies.of(request),
                        idempotencyKey)
                .map(CreatedResponses::of);
    }

    /**
     * Altinn's {@code data/{dataType}}. The template shares its name with {@link Paths#DATA_GUID},
     * whose UUID pattern ranks first, so that the OpenAPI document has one path item where {@code
     * data/{dataType}} and {@code data/{dataGuid}} would be identical paths.
     */
    @POST
    @Path("{dataGuid}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "postData",
            summary = "Upload a data element (Altinn's newer form, the type in the path)",
            description =
                    "The same rules and streaming as uploadData; the answer has the new element's"
                            + " id and the whole instance. A form data type sent without a"
                            + " Content-Type and without a body gets an empty form. Altinn's alias"
                            + " POST data/type/{dataType} does the same.")
    @RequestBody(ref = ApiConventions.UPLOAD)
    @Parameter(ref = ApiConventions.CONTENT_DISPOSITION)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the new element's URL",
            content = @Content(schema = @Schema(implementation = DataPostResponse.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<Object>> post(
            @BeanParam InstancePath path,
            @Parameter(
                            description =
                                    "For this upload: the id of the new element's data type"
                                            + " (Altinn's route calls it {dataType})",
                            schema = @Schema(type = SchemaType.STRING))
                    @PathParam("dataGuid")
                    String dataType,
            @Parameter(description = "Accepted and ignored (no validators run)")
                    @QueryParam("ignoredValidators")
                    String ignoredValidators,
            @Parameter(description = "Accepted and ignored") @QueryParam("language")
                    String language,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpServerRequest request) {
        return service.post(
                        caller.get(),
                        path.ref(),
                        dataType,
                        ifMatch,
                        bodies.of(request),
                        idempotencyKey)
                .map(CreatedResponses::of);
    }

    /**
     * Altinn's alias {@code data/type/{dataType}}. Not in the OpenAPI document: it cannot be told
     * apart from {@code data/{dataGuid}/tags} there (no-ambiguous-paths); postData describes it.
     */
    @POST
    @Path("type/{dataType}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<RestResponse<Object>> postOfType(
            @BeanParam InstancePath path,
            @Parameter(description = "The id of the element's data type") @PathParam("dataType")
                    String dataType,
            @Parameter(description = "Accepted and ignored (no validators run)")
                    @QueryParam("ignoredValidators")
                    String ignoredValidators,
            @Parameter(description = "Accepted and ignored") @QueryParam("language")
                    String language,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpServerRequest request) {
        return post(path, dataType, ignoredValidators, language, ifMatch, idempotencyKey, request);
    }

    @GET
    @Path(Paths.DATA_GUID)
    @Operation(
            operationId = "downloadData",
            summary = "Download a data element's content, or a form as its model",
            description =
                    "Binary content is streamed with its own Content-Type; a single Range gives 206."
                            + " The ETag is the content's SHA-256. Form data (a data type with"
                            + " appLogic.classRef and a model) is its model in JSON by default, and"
                            + " the stored XML on Accept: application/xml or text/xml; the JSON has"
                            + " its own ETag.")
    @APIResponse(responseCode = "200", ref = ApiConventions.CONTENT)
    @APIResponse(responseCode = "206", ref = ApiConventions.PARTIAL_CONTENT)
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public RestMulti<Buffer> download(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @Parameter(description = "Include the altinnRowId of list rows (when the model has it)")
                    @QueryParam("includeRowId")
                    String includeRowId,
            @Parameter(description = "Accepted and ignored: messages are in English")
                    @QueryParam("language")
                    String language,
            @HeaderParam("Range") String range,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Representation wanted =
                Representation.of(
                        accept, QueryFlags.flag("includeRowId", includeRowId), ifNoneMatch);
        return content.respond(
                service.download(caller.get(), path.ref(), dataGuid, range, wanted), ifNoneMatch);
    }

    @PUT
    @Path(Paths.DATA_GUID)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceData",
            summary = "Replace a data element's content",
            description =
                    "Binary content: the same rules as an upload (200). Form data: the model in XML"
                            + " (application/xml, text/xml, or no Content-Type) or JSON"
                            + " (application/json), checked against the data model (400 lists every"
                            + " violation; properties the model does not have are ignored) and"
                            + " stored as XML (201, Location).")
    @RequestBody(ref = ApiConventions.UPLOAD)
    @Parameter(ref = ApiConventions.CONTENT_DISPOSITION)
    @APIResponse(
            responseCode = "200",
            description = "Replaced (binary content)",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Replaced (form data); Location is the element",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<DataElementView>> replace(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        return service.replace(caller.get(), path.ref(), dataGuid, ifMatch, bodies.of(request))
                .map(
                        replaced ->
                                replaced.form()
                                        ? RestResponse.ResponseBuilder.<DataElementView>created(
                                                        URI.create(
                                                                replaced.element()
                                                                        .selfLinks()
                                                                        .apps()))
                                                .entity(replaced.element())
                                                .build()
                                        : RestResponse.ok(replaced.element()));
    }

    @DELETE
    @Path(Paths.DATA_GUID)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deleteData", summary = "Delete a data element and its content")
    @APIResponse(
            responseCode = "200",
            description = "Deleted; the element as it was",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Uni<DataElementView> delete(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), path.ref(), dataGuid, ifMatch);
    }
}
