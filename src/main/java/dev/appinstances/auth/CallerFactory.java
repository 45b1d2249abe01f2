package dev.appinstances.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.appinstances.app.AppDefinition;
import dev.appinstances.problem.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns a verified token into a {@link Caller}, classifying it the way Altinn does. */
@ApplicationScoped
public class CallerFactory {

    public static final String USER_ID = "urn:altinn:userid";
    public static final String PARTY_ID = "urn:altinn:partyid";
    public static final String AUTH_LEVEL = "urn:altinn:authlevel";
    public static final String ORG = "urn:altinn:org";
    public static final String ORG_NUMBER = "urn:altinn:orgNumber";
    public static final String SCOPE = "scope";

    private final AppDefinition app;

    /**
     * Callers by token text: a token is classified once, not on every request (reading the {@code
     * urn:altinn:*} claims is dear). Only verified tokens get here; a refused one is not kept.
     */
    private final Cache<String, Caller> callers;

    public CallerFactory(
            AppDefinition app,
            @ConfigProperty(name = "app.auth.token-cache.max-entries", defaultValue = "10000")
                    long maxEntries) {
        this.app = app;
        this.callers =
                Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .expireAfterAccess(Duration.ofMinutes(10))
                        .build();
    }

    public Caller from(JsonWebToken token) {
        String raw = token.getRawToken();
        return raw == null ? classify(token) : callers.get(raw, ignored -> classify(token));
    }

    private Caller classify(JsonWebToken token) {
        String org = claim(token, ORG);
        String orgNumber = claim(token, ORG_NUMBER);
        String userId = claim(token, USER_ID);
        int level = number(token, AUTH_LEVEL).map(Long::intValue).orElse(0);
        Set<String> scopes = scopes(token);
        if (org != null) {
            Caller.Kind kind =
                    org.equalsIgnoreCase(app.org())
                            ? Caller.Kind.APP_OWNER
                            : Caller.Kind.ORGANISATION;
            return new Caller(kind, null, null, org, orgNumber, level, scopes);
        }
        if (orgNumber != null) {
            return new Caller(Caller.Kind.ORGANISATION, null, null, null, orgNumber, level, scopes);
        }
        if (userId != null) {
            Long user = number(token, USER_ID).orElseThrow(() -> unusable(USER_ID));
            Long party = number(token, PARTY_ID).orElse(null);
            return new Caller(Caller.Kind.USER, user, party, null, null, level, scopes);
        }
        throw new AccessDeniedException(
                "The token identifies neither a user (urn:altinn:userid) nor an organisation"
                        + " (urn:altinn:org, urn:altinn:orgNumber)");
    }

    private static AccessDeniedException unusable(String claim) {
        return new AccessDeniedException("The token's " + claim + " claim is not a number");
    }

    private static Optional<Long> number(JsonWebToken token, String name) {
        String value = claim(token, name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw unusable(name);
        }
    }

    private static Set<String> scopes(JsonWebToken token) {
        String scope = claim(token, SCOPE);
        return scope == null
                ? Set.of()
                : Arrays.stream(scope.trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Altinn tokens carry numbers as strings or numbers; both read as text here. */
    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text =
                value instanceof JsonString s
                        ? s.getString()
                        : value instanceof JsonNumber n ? n.toString() : value.toString();
        return text.isBlank() ? null : text;
    }
}
