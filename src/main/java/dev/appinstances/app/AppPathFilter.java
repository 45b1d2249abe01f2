package dev.appinstances.app;

import dev.appinstances.problem.AppNotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every {org}/{app} path of this service answers 404 unless it names the app it serves. */
public class AppPathFilter {

    private final AppDefinition app;

    public AppPathFilter(AppDefinition app) {
        this.app = app;
    }

    @ServerRequestFilter
    public void requireServedApp(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        String org = params.getFirst("org");
        String appName = params.getFirst("app");
        if (org != null && appName != null && !app.isServedAt(org, appName)) {
            throw new AppNotFoundException(
                    "This service serves " + app.appId() + ", not " + org + "/" + appName);
        }
    }
}
