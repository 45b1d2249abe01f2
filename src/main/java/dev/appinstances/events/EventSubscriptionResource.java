package dev.appinstances.events;

import dev.appinstances.auth.CurrentCaller;
import dev.appinstances.http.RequestBodies;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(EventSubscriptionResource.BASE)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Event subscriptions",
        description =
                "The app owner's subscriptions to the app's CloudEvents, and their deliveries")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@APIResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
public class EventSubscriptionResource {

    static final String BASE = "/{org}/{app}/api/v1/eventsubscriptions";
    private static final String ID = "{subscriptionId: [0-9]{1,18}}";

    private final EventSubscriptionService subscriptions;
    private final CurrentCaller caller;
    private final RequestBodies bodies;

    public EventSubscriptionResource(
            EventSubscriptionService subscriptions, CurrentCaller caller, RequestBodies bodies) {
        this.subscriptions = subscriptions;
        this.caller = caller;
        this.bodies = bodies;
    }

    @POST
    @Operation(
            operationId = "createEventSubscription",
            summary = "Subscribe an endpoint to the app's events; the answer has the secret, once")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "completed",
                                            value =
                                                    "{\"endPoint\":"
                                                            + " \"https://receiver.example.com/events\","
                                                            + " \"typeFilter\":"
                                                            + " \"app.instance.process.completed\"}")))
    @APIResponse(
            responseCode = "201",
            description = "The subscription with its signing secret",
            content = @Content(schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Uni<RestResponse<Subscription>> create(@Context HttpServerRequest request) {
        return subscriptions
                .create(caller.get(), bodies.of(request))
                .map(created -> RestResponse.status(RestResponse.Status.CREATED, created));
    }

    @GET
    @Operation(operationId = "listEventSubscriptions", summary = "The app's event subscriptions")
    @APIResponse(
            responseCode = "200",
            description = "Every subscription, oldest first, without secrets",
            content = @Content(schema = @Schema(implementation = SubscriptionList.class)))
    public Uni<SubscriptionList> list() {
        return subscriptions.list(caller.get());
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getEventSubscription", summary = "One event subscription")
    @APIResponse(
            responseCode = "200",
            description = "The subscription, without its secret",
            content = @Content(schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Uni<Subscription> get(@PathParam("subscriptionId") long id) {
        return subscriptions.get(caller.get(), id);
    }

    @DELETE
    @Path(ID)
    @Operation(
            operationId = "deleteEventSubscription",
            summary = "End a subscription; its pending deliveries go with it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Uni<RestResponse<Void>> delete(@PathParam("subscriptionId") long id) {
        return subscriptions.delete(caller.get(), id).map(done -> RestResponse.noContent());
    }

    @GET
    @Path(ID + "/deliveries")
    @Operation(
            operationId = "listEventDeliveries",
            summary = "The subscription's newest deliveries (up to 100), with their attempts")
    @APIResponse(
            responseCode = "200",
            description = "Newest first",
            content = @Content(schema = @Schema(implementation = DeliveryList.class)))
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Uni<DeliveryList> deliveries(@PathParam("subscriptionId") long id) {
        return subscriptions.deliveries(caller.get(), id);
    }
}
