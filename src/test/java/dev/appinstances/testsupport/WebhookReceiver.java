package dev.appinstances.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver of webhooks on a free loopback port (the JDK's HTTP server): it records
 * every request and answers with the status {@code answer} gives for it. {@link #verify} recomputes
 * the Standard Webhooks signature on its own, without the service's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    public record Received(
            String contentType, String id, String timestamp, String signature, String body) {

        public JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String type() {
            return event().path("type").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Received> answer = request -> 200;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(
                "/",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    var headers = exchange.getRequestHeaders();
                    Received request =
                            new Received(
                                    headers.getFirst("Content-Type"),
                                    headers.getFirst("webhook-id"),
                                    headers.getFirst("webhook-timestamp"),
                                    headers.getFirst("webhook-signature"),
                                    body);
                    received.add(request);
                    exchange.sendResponseHeaders(answer.applyAsInt(request), -1);
                    exchange.close();
                });
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status to answer each request with (default 200). */
    public WebhookReceiver answering(ToIntFunction<Received> answer) {
        this.answer = answer;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The types received, in arrival order, each once per request. */
    public List<String> types() {
        return received.stream().map(Received::type).toList();
    }

    public long countOf(String eventId) {
        return received.stream().filter(r -> eventId.equals(r.id())).count();
    }

    /** Checks the request's signature with the secret, as a receiver must. */
    public static void verify(Received request, String secret) {
        assertThat(request.contentType()).isEqualTo("application/cloudevents+json");
        assertThat(request.id()).isEqualTo(request.event().path("id").asText());
        assertThat(Long.parseLong(request.timestamp()))
                .isCloseTo(
                        System.currentTimeMillis() / 1000,
                        org.assertj.core.data.Offset.offset(60L));
        assertThat(request.signature()).isEqualTo(signature(secret, request));
    }

    private static String signature(String secret, Received request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signed = request.id() + "." + request.timestamp() + "." + request.body();
            return "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
