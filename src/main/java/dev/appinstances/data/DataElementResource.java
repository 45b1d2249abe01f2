package dev.appinstances.data;

import dev.appinstances.appmetadata.DataType;
import dev.appinstances.auth.CallerFactory;
import dev.appinstances.blob.BlobInfo;
import dev.appinstances.common.Detached;
import dev.appinstances.common.Paths;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    private final BlobStoreReader content;
    private final CallerFactory callers;
    private final JsonWebToken token;

    public DataElementResource(
            DataElementService service,
            BlobStoreReader content,
            CallerFactory callers,
            JsonWebToken token) {
        this.service = service;
        this.content = content;
        this.callers = callers;
        this.token = token;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Upload a data element",
            description =
                    "The raw body is the content, streamed to storage. Content-Type must be allowed"
                            + " by the data type; Content-Disposition may carry a filename.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<DataElementView>> upload(
            @PathParam("instanceOwnerPartyId") long partyId,
            @PathParam("instanceGuid") UUID instanceGuid,
            @QueryParam("dataType") String dataType,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        var caller = callers.from(token);
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String filename = filename(request);
        return withContent(
                        request,
                        service.checkNewElement(
                                caller, partyId, instanceGuid, dataType, contentType, ifMatch),
                        (type, blob) ->
                                service.attachNew(
                                        caller,
                                        partyId,
                                        instanceGuid,
                                        type,
                                        contentType,
                                        filename,
                                        blob,
                                        ifMatch))
                .map(
                        view ->
                                RestResponse.ResponseBuilder.<DataElementView>created(
                                                URI.create(view.selfLinks().apps()))
                                        .entity(view)
                                        .build());
    }

    @GET
    @Path(Paths.DATA_GUID)
    @Operation(
            summary = "Download a data element's content",
            description = "Streams the content; supports a single Range (206) and ETag.")
    @APIResponse(responseCode = "200", description = "The content")
    @APIResponse(responseCode = "206", description = "The requested range")
    public RestMulti<Buffer> download(
            @PathParam("instanceOwnerPartyId") long partyId,
            @PathParam("instanceGuid") UUID instanceGuid,
            @PathParam("dataGuid") UUID dataGuid,
            @HeaderParam("Range") String range) {
        var caller = callers.from(token);
        return RestMulti.fromUniResponse(
                service.download(caller, partyId, instanceGuid, dataGuid, range),
                download -> content.read(download),
                DataElementResource::headers,
                download -> download.partial() ? 206 : 200);
    }

    @PUT
    @Path(Paths.DATA_GUID)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a data element's content (same rules as an upload)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<DataElementView> replace(
            @PathParam("instanceOwnerPartyId") long partyId,
            @PathParam("instanceGuid") UUID instanceGuid,
            @PathParam("dataGuid") UUID dataGuid,
            @HeaderParam("If-Match") String ifMatch,
            @Context HttpServerRequest request) {
        var caller = callers.from(token);
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String filename = filename(request);
        return withContent(
                request,
                service.checkReplacement(
                        caller, partyId, instanceGuid, dataGuid, contentType, ifMatch),
                (type, blob) ->
                        service.attachReplacement(
                                caller,
                                partyId,
                                instanceGuid,
                                dataGuid,
                                contentType,
                                filename,
                                blob,
                                ifMatch));
    }

    @DELETE
    @Path(Paths.DATA_GUID)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete a data element and its content")
    @APIResponse(
            responseCode = "200",
            description = "Deleted; the element as it was",
            content = @Content(schema = @Schema(implementation = DataElementView.class)))
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public Uni<DataElementView> delete(
            @PathParam("instanceOwnerPartyId") long partyId,
            @PathParam("instanceGuid") UUID instanceGuid,
            @PathParam("dataGuid") UUID dataGuid,
            @HeaderParam("If-Match") String ifMatch) {
        var caller = callers.from(token);
        return Detached.run(() -> service.delete(caller, partyId, instanceGuid, dataGuid, ifMatch));
    }

    /**
     * The three steps of a content write: check (short session), stream the body into a pending
     * blob (no transaction), attach it (short transaction, finished even if the client leaves); the
     * pending content is discarded when the attach fails.
     */
    private <T> Uni<T> withContent(
            HttpServerRequest request,
            Uni<DataType> check,
            BiFunction<DataType, BlobInfo, Uni<T>> attach) {
        return check.chain(
                type ->
                        service.receiveContent(request, type)
                                .chain(
                                        blob ->
                                                Detached.<T>run(() -> attach.apply(type, blob))
                                                        .onFailure()
                                                        .call(() -> service.discard(blob))));
    }

    private static String filename(HttpServerRequest request) {
        String disposition = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        return disposition == null ? null : PartHeaders.of(0, disposition, null).filename();
    }

    private static Map<String, List<String>> headers(Download download) {
        var headers = new java.util.LinkedHashMap<String, List<String>>();
        headers.put(HttpHeaders.CONTENT_TYPE, List.of(download.contentType()));
        headers.put(HttpHeaders.CONTENT_LENGTH, List.of(Long.toString(download.range().length())));
        headers.put(HttpHeaders.ETAG, List.of(download.etag()));
        headers.put("Accept-Ranges", List.of("bytes"));
        if (download.filename() != null) {
            headers.put(
                    "Content-Disposition",
                    List.of(
                            "attachment; filename=\""
                                    + download.filename().replace("\"", "")
                                    + "\"; filename*=UTF-8''"
                                    + URLEncoder.encode(download.filename(), StandardCharsets.UTF_8)
                                            .replace("+", "%20")));
        }
        if (download.partial()) {
            headers.put(
                    "Content-Range",
                    List.of(
                            "bytes "
                                    + download.range().start()
                                    + "-"
                                    + download.range().end()
                                    + "/"
                                    + download.size()));
        }
        return headers;
    }
}
