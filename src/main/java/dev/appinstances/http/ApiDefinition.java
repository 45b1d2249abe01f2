package dev.appinstances.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The head of the OpenAPI document: what the API is, where it is and how callers authenticate. What
 * every operation shares (the {@code {org}/{app}} parameters, conditional requests, problem
 * responses) is added by {@link ApiConventions}.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "app-instances",
                        version = "0.1.0",
                        description =
                                "The Altinn 3 App API for instances. Errors are RFC 9457"
                                        + " application/problem+json documents.",
                        license = @License(name = "MIT", identifier = "MIT")),
        servers =
                @Server(
                        url = "/",
                        description = "This service (paths are relative to the document's origin)"),
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = ApiConventions.SECURITY_SCHEME,
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        bearerFormat = "JWT",
                                        description =
                                                "RS256 token with Altinn claims; also accepted"
                                                        + " from the AltinnStudioRuntime cookie")))
public class ApiDefinition extends Application {}
