package dev.appinstances.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies each bearer token once: a token whose signature, issuer and lifetime were checked is
 * kept (bounded, by the token's exact text) until it expires, so the RSA check runs once per token
 * rather than once per request. A kept token is still refused from the moment it expires or before
 * it is valid, by the verifier's own rules (its clock skew); a token that failed verification is
 * never kept, and a token with another signature is another text, so it never matches one kept.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Cache<String, JWTCallerPrincipal> verified;
    private final Counter hits;
    private final Counter misses;

    public VerifiedTokens(
            @ConfigProperty(name = "app.auth.token-cache.max-entries", defaultValue = "10000")
                    long maxEntries,
            MeterRegistry registry) {
        this.verified =
                Caffeine.newBuilder().maximumSize(maxEntries).expireAfter(untilExpiry()).build();
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context)
            throws ParseException {
        JWTCallerPrincipal kept = verified.getIfPresent(token);
        if (kept != null) {
            if (isCurrent(kept, Instant.now().getEpochSecond(), clockSkew(context))) {
                hits.increment();
                return kept;
            }
            // expired (or not yet valid): the verifier refuses it, saying why
            verified.invalidate(token);
        }
        misses.increment();
        JWTCallerPrincipal principal = verifier.parse(token, context);
        verified.put(token, principal);
        return principal;
    }

    /**
     * The skew the verifier allows: the deprecated expiration grace if set, else {@code
     * mp.jwt.verify.clock.skew} (60 s unless configured).
     */
    static int clockSkew(JWTAuthContextInfo context) {
        return context.getExpGracePeriodSecs() > 0
                ? context.getExpGracePeriodSecs()
                : Math.max(0, context.getClockSkew());
    }

    /** The verifier's lifetime rules, with its clock skew: exp is required, nbf optional. */
    static boolean isCurrent(JWTCallerPrincipal token, long now, long skewSeconds) {
        long expires = token.getExpirationTime();
        if (expires <= 0 || now >= expires + skewSeconds) {
            return false;
        }
        Object notBefore = token.getClaim("nbf");
        return !(notBefore instanceof Number nbf) || now + skewSeconds >= nbf.longValue();
    }

    private static Expiry<String, JWTCallerPrincipal> untilExpiry() {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, JWTCallerPrincipal principal, long now) {
                long seconds = principal.getExpirationTime() - Instant.now().getEpochSecond();
                return Duration.ofSeconds(Math.max(0, seconds)).plusMinutes(2).toNanos();
            }

            @Override
            public long expireAfterUpdate(
                    String token, JWTCallerPrincipal principal, long now, long current) {
                return expireAfterCreate(token, principal, now);
            }

            @Override
            public long expireAfterRead(
                    String token, JWTCallerPrincipal principal, long now, long current) {
                return current;
            }
        };
    }

    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("app.auth.token.cache.lookups")
                .description("Bearer token verifications answered from the cache (hit) or done")
                .tag("result", result)
                .register(registry);
    }
}
