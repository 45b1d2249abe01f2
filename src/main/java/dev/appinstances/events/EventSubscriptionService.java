package dev.appinstances.events;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.AppSettings;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.http.JsonBodies;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.http.RequestBody;
import dev.appinstances.instance.AppCloudEvents;
import dev.appinstances.instance.EventSettings;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.problem.SubscriptionNotFoundException;
import dev.appinstances.problem.UnsupportedContentTypeException;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The app owner's event subscriptions: create (checked, with a new secret and the validation ping
 * Altinn Events sends), list, get, delete, and the deliveries made. Only the app's own org may use
 * them, with the service-owner scope for reading or writing.
 */
@ApplicationScoped
public class EventSubscriptionService {

    static final String VALIDATE_TYPE = "platform.events.validatesubscription";
    static final int MAX_FILTER_LENGTH = 255;

    private final SubscriptionStore store;
    private final EndpointAddresses addresses;
    private final AccessControl access;
    private final JsonBodies json;
    private final AppDefinition app;
    private final String baseUrl;
    private final boolean allowInsecure;
    private final long maxJsonBodySize;

    @SuppressWarnings("java:S107") // constructor injection
    public EventSubscriptionService(
            SubscriptionStore store,
            EndpointAddresses addresses,
            AccessControl access,
            JsonBodies json,
            AppDefinition app,
            AppSettings appSettings,
            EventSettings settings,
            HttpLimits limits) {
        this.store = store;
        this.addresses = addresses;
        this.access = access;
        this.json = json;
        this.app = app;
        String url = appSettings.publicBaseUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.allowInsecure = settings.allowInsecureEndpoints();
        this.maxJsonBodySize = limits.maxJsonBodySize().asLongValue();
    }

    public Uni<Subscription> create(Caller caller, RequestBody body) {
        requireOwner(caller, AccessControl.WRITE_SCOPE);
        return body.readAll(maxJsonBodySize)
                .map(bytes -> request(body.contentType(), bytes))
                .chain(
                        request ->
                                addresses
                                        .resolve(URI.create(request.endPoint()).getHost())
                                        .chain(
                                                checked ->
                                                        store.create(
                                                                request,
                                                                WebhookSignature.newSecret(),
                                                                "/org/" + caller.org(),
                                                                this::ping)));
    }

    public Uni<SubscriptionList> list(Caller caller) {
        requireOwner(caller, AccessControl.READ_SCOPE);
        return store.list().map(all -> new SubscriptionList(all.size(), all));
    }

    public Uni<Subscription> get(Caller caller, long id) {
        requireOwner(caller, AccessControl.READ_SCOPE);
        return existing(id);
    }

    public Uni<Void> delete(Caller caller, long id) {
        requireOwner(caller, AccessControl.WRITE_SCOPE);
        return store.delete(id)
                .invoke(
                        deleted -> {
                            if (!deleted) {
                                throw notFound(id);
                            }
                        })
                .replaceWithVoid();
    }

    public Uni<DeliveryList> deliveries(Caller caller, long id) {
        requireOwner(caller, AccessControl.READ_SCOPE);
        return existing(id)
                .chain(() -> store.deliveries(id))
                .map(all -> new DeliveryList(all.size(), all));
    }

    private Uni<Subscription> existing(long id) {
        return store.find(id)
                .map(
                        found -> {
                            if (found == null) {
                                throw notFound(id);
                            }
                            return found;
                        });
    }

    private void requireOwner(Caller caller, String scope) {
        access.requireAppOwner(caller, "manage event subscriptions");
        access.requireScope(caller, scope);
        access.requireAuthenticationLevel(caller);
    }

    private SubscriptionRequest request(String contentType, byte[] body) {
        if (!MediaTypes.isJson(contentType)) {
            throw new UnsupportedContentTypeException(
                    "A subscription must be sent as application/json");
        }
        SubscriptionRequest request =
                json.objectIgnoringCase(body, SubscriptionRequest.class, "The subscription");
        EndpointPolicy.parse("endPoint", request.endPoint(), allowInsecure);
        filter("typeFilter", request.typeFilter());
        filter("subjectFilter", request.subjectFilter());
        if (request.sourceFilter() != null) {
            EndpointPolicy.parse("sourceFilter", request.sourceFilter(), true);
        }
        return request;
    }

    private static void filter(String field, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_FILTER_LENGTH)) {
            throw new InvalidRequestException(
                    field + " must be 1 to " + MAX_FILTER_LENGTH + " characters when given");
        }
    }

    /** As Altinn Events validates an endpoint: a CloudEvent of its own type, the first delivery. */
    private SubscriptionStore.Ping ping(Subscription subscription) {
        UUID id = UUID.randomUUID();
        String source =
                baseUrl + "/" + app.appId() + "/api/v1/eventsubscriptions/" + subscription.id();
        String body =
                AppCloudEvents.serialize(
                        CloudEventBuilder.v1()
                                .withId(id.toString())
                                .withType(VALIDATE_TYPE)
                                .withSource(URI.create(source))
                                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                                .build());
        return new SubscriptionStore.Ping(id, VALIDATE_TYPE, body);
    }

    private static SubscriptionNotFoundException notFound(long id) {
        return new SubscriptionNotFoundException("No event subscription " + id + " of this app");
    }
}
