package dev.appinstances.events;

import dev.appinstances.instance.EventSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;

/**
 * Sends one delivery: the CloudEvent in structured mode ({@code application/cloudevents+json}),
 * signed with the subscription's secret as Standard Webhooks says, to the address {@link
 * EndpointAddresses} checked. A 2xx answer is success; anything else, a timeout or a refused
 * address is a failure with its reason.
 */
@ApplicationScoped
public class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final int MAX_ERROR_LENGTH = 500;

    private final HttpClient client;
    private final EndpointAddresses addresses;
    private final long timeoutMillis;
    private final Clock clock;

    public WebhookSender(Vertx vertx, EndpointAddresses addresses, EventSettings settings) {
        this.timeoutMillis = settings.requestTimeout().toMillis();
        this.client =
                vertx.createHttpClient(
                        new HttpClientOptions()
                                .setConnectTimeout((int) timeoutMillis)
                                .setVerifyHost(true)
                                .setForceSni(true)
                                .setMaxPoolSize(settings.batchSize()));
        this.addresses = addresses;
        this.clock = Clock.systemUTC();
    }

    /** What one attempt gave: the status (null when none came) and, on failure, why. */
    public record Outcome(Integer status, String error) {
        public boolean succeeded() {
            return error == null;
        }
    }

    public Uni<Outcome> send(DeliveryStore.Claimed delivery) {
        URI endpoint = URI.create(delivery.endPoint());
        return addresses
                .resolve(endpoint.getHost())
                .chain(address -> post(endpoint, address, delivery))
                .onFailure()
                .recoverWithItem(failure -> new Outcome(null, describe(failure)));
    }

    private Uni<Outcome> post(URI endpoint, InetAddress address, DeliveryStore.Claimed delivery) {
        boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : (https ? 443 : 80);
        String id = delivery.eventId().toString();
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions request =
                new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setHost(endpoint.getHost())
                        .setPort(port)
                        .setSsl(https)
                        .setURI(target(endpoint))
                        .setTimeout(timeoutMillis)
                        .putHeader("Content-Type", CONTENT_TYPE)
                        .putHeader("webhook-id", id)
                        .putHeader("webhook-timestamp", String.valueOf(timestamp))
                        .putHeader(
                                "webhook-signature",
                                WebhookSignature.sign(
                                        delivery.secret(), id, timestamp, delivery.body()));
        if (address != null) {
            request.setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()));
        }
        return client.request(request)
                .chain(outgoing -> outgoing.send(Buffer.buffer(delivery.body())))
                .chain(
                        response ->
                                response.end()
                                        .replaceWith(
                                                response.statusCode() / 100 == 2
                                                        ? new Outcome(response.statusCode(), null)
                                                        : new Outcome(
                                                                response.statusCode(),
                                                                "HTTP " + response.statusCode())));
    }

    private static String target(URI endpoint) {
        String path =
                endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
                        ? "/"
                        : endpoint.getRawPath();
        return endpoint.getRawQuery() == null ? path : path + "?" + endpoint.getRawQuery();
    }

    private static String describe(Throwable failure) {
        String message =
                failure.getMessage() == null
                        ? failure.getClass().getSimpleName()
                        : failure.getMessage();
        return message.length() > MAX_ERROR_LENGTH
                ? message.substring(0, MAX_ERROR_LENGTH)
                : message;
    }

    void close(@Observes ShutdownEvent shutdown) {
        client.closeAndForget();
    }
}
