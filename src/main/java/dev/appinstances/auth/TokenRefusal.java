package dev.appinstances.auth;

import java.util.Locale;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/** Why a request's token was not accepted, read from the verifier's failure. */
enum TokenRefusal {
    MISSING("no bearer token was sent"),
    NOT_BEARER("the Authorization header does not carry a Bearer token"),
    EXPIRED("the token has expired"),
    NOT_YET_VALID("the token is not valid yet"),
    WRONG_ISSUER("the token was issued by an issuer this service does not trust"),
    BAD_SIGNATURE("the token's signature does not verify"),
    MALFORMED("the token is not a well-formed signed JWT"),
    INVALID("the token is not valid");

    private final String description;

    TokenRefusal(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The problem detail: the reason, and where a token is expected. */
    String detail() {
        String reason =
                description.substring(0, 1).toUpperCase(Locale.ROOT) + description.substring(1);
        return reason
                + "; a valid bearer token (Authorization header or AltinnStudioRuntime cookie) is"
                + " required";
    }

    static TokenRefusal of(Throwable failure, String authorization) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                return of(invalid);
            }
            if (cause instanceof JoseException) {
                return MALFORMED;
            }
        }
        if (authorization != null && !authorization.isBlank()) {
            return authorization.trim().regionMatches(true, 0, "Bearer ", 0, 7)
                    ? MALFORMED
                    : NOT_BEARER;
        }
        return failure instanceof io.quarkus.security.AuthenticationFailedException
                ? INVALID
                : MISSING;
    }

    private static TokenRefusal of(InvalidJwtException invalid) {
        if (invalid.hasExpired()) {
            return EXPIRED;
        }
        if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)
                || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return NOT_YET_VALID;
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
                || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return WRONG_ISSUER;
        }
        if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
                || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return BAD_SIGNATURE;
        }
        if (invalid.hasErrorCode(ErrorCodes.JSON_INVALID)
                || invalid.hasErrorCode(ErrorCodes.MISCELLANEOUS)) {
            return MALFORMED;
        }
        return INVALID;
    }
}
