package dev.appinstances.query;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Checks the continuation token secret at startup: too short stops the service; the committed dev
 * default outside dev and test is logged as a warning on every start.
 */
@Singleton
public class TokenSecretCheck {

    static final String DEV_MARKER = "DEV-ONLY";
    private static final Logger LOG = Logger.getLogger(TokenSecretCheck.class);

    void onStart(@Observes StartupEvent event, QuerySettings settings) {
        new ContinuationTokens(settings.tokenSecret());
        if (LaunchMode.current() == LaunchMode.NORMAL
                && settings.tokenSecret().startsWith(DEV_MARKER)) {
            LOG.warn(
                    "query.token-secret is the committed DEV-ONLY default: anyone can forge"
                            + " continuation tokens. Set QUERY_TOKEN_SECRET.");
        }
    }
}
