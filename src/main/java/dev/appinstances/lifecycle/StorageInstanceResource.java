package dev.appinstances.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.InstancePath;
import dev.appinstances.http.Paths;
import dev.appinstances.instance.InstanceETags;
import dev.appinstances.instance.InstanceView;
import dev.appinstances.instance.StorageDocuments;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The instance at Altinn Storage's path ({@code selfLinks.platform}), as Storage writes it. */
@Path(Paths.STORAGE_INSTANCE)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Storage", description = "The instance and its data at Altinn Storage's paths")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
public class StorageInstanceResource {

    private final InstanceLifecycleService lifecycle;
    private final StorageDocuments documents;
    private final CurrentCaller caller;

    public StorageInstanceResource(
            InstanceLifecycleService lifecycle, StorageDocuments documents, CurrentCaller caller) {
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getStorageInstance",
            summary = "Get an instance as Altinn Storage returns it",
            description =
                    "The same instance and rights as the App API's GET, serialized as Storage does:"
                            + " null members left out, status.readStatus by name.")
    @APIResponse(
            responseCode = "200",
            description = "The instance",
            content = @Content(schema = @Schema(implementation = InstanceView.class)))
    public Uni<RestResponse<ObjectNode>> get(
            @BeanParam InstancePath path,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return lifecycle
                .stored(caller.get(), path.ref())
                .map(
                        instance -> {
                            var response =
                                    InstanceETags.matches(ifNoneMatch, instance.etag())
                                            ? RestResponse.ResponseBuilder.<ObjectNode>notModified()
                                            : RestResponse.ResponseBuilder.ok(
                                                    documents.of(instance.document()));
                            return response.header(HttpHeaders.ETAG, instance.etag()).build();
                        });
    }
}
