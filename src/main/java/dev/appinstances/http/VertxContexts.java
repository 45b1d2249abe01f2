package dev.appinstances.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Getting back onto a request's Vert.x context after a callback from elsewhere. */
public final class VertxContexts {

    private VertxContexts() {}

    /**
     * Runs the action on {@code context} (the request's duplicated context, where its reactive
     * session lives): at once when already there, else scheduled onto it.
     */
    public static void runOn(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
