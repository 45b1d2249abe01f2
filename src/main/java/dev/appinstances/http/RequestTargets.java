package dev.appinstances.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request target is a URI (RFC 3986). Quarkus makes the same check but answers with an
 * empty 400 before any application code runs; {@code LocalDbMain} turns that check off so that
 * {@link HttpLayer} can make it and answer with a problem. Without the check, Vert.x's path
 * normalisation would throw on a broken percent-escape.
 */
public final class RequestTargets {

    /** The system property, read once by Quarkus at startup, that turns its own check off. */
    public static final String QUARKUS_CHECK_OFF = "vertx.disableURIValidation";

    private RequestTargets() {}

    /** What is wrong with the target, in words a client can act on; empty when it is a URI. */
    public static Optional<String> defect(String target) {
        if (target == null || target.isEmpty()) {
            return Optional.of("The request target is empty");
        }
        try {
            new URI(target);
            return Optional.empty();
        } catch (URISyntaxException e) {
            String where = e.getIndex() >= 0 ? " at index " + e.getIndex() : "";
            return Optional.of(
                    "The request target is not a valid URI (RFC 3986): "
                            + e.getReason().toLowerCase(Locale.ROOT)
                            + where
                            + "; percent-encode reserved and non-ASCII characters");
        }
    }
}
