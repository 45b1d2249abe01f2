package dev.appinstances.auth;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, classified once from its verified token. */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken token;
    private final CallerFactory callers;
    private Caller caller;

    public CurrentCaller(JsonWebToken token, CallerFactory callers) {
        this.token = token;
        this.callers = callers;
    }

    public Caller get() {
        if (caller == null) {
            caller = callers.from(token);
        }
        return caller;
    }
}
