package dev.appinstances.data;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.ApiConventions;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import io.quarkus.security.Authenticated;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/** A data element's content at Altinn Storage's path (the element's {@code selfLinks.platform}). */
@Path(Paths.STORAGE_INSTANCE + "/data/" + Paths.DATA_GUID)
@Authenticated
@Tag(name = "Storage", description = "The instance and its data at Altinn Storage's paths")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class StorageDataResource {

    private final DataElementService service;
    private final Downloads content;
    private final CurrentCaller caller;

    public StorageDataResource(
            DataElementService service, Downloads content, CurrentCaller caller) {
        this.service = service;
        this.content = content;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "downloadStorageData",
            summary = "Download a data element's content at Storage's path",
            description =
                    "The stored content (form data as stored XML), with the same headers and"
                            + " rights as the App API's download.")
    @APIResponse(responseCode = "200", ref = ApiConventions.CONTENT)
    @APIResponse(responseCode = "206", ref = ApiConventions.PARTIAL_CONTENT)
    public RestMulti<Buffer> download(
            @BeanParam InstancePath path,
            @PathParam("dataGuid") UUID dataGuid,
            @HeaderParam("Range") String range,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return content.respond(
                service.download(caller.get(), path.ref(), dataGuid, range, Representation.STORED),
                ifNoneMatch);
    }
}
