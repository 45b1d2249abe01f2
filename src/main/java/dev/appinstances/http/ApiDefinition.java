package dev.appinstances.http;

import dev.appinstances.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The parts of the OpenAPI document that all resources share: security and error responses. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "app-instances",
                        version = "0.1.0",
                        description =
                                "The Altinn 3 App API for instances. Errors are RFC 9457"
                                        + " application/problem+json documents.",
                        license = @License(name = "MIT")),
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = "jwt",
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        bearerFormat = "JWT",
                                        in = SecuritySchemeIn.HEADER,
                                        description =
                                                "RS256 token with Altinn claims; also accepted"
                                                        + " from the AltinnStudioRuntime cookie"),
                        responses = {
                            @APIResponse(
                                    name = "BadRequest",
                                    responseCode = "400",
                                    description = "The request is invalid; nothing was changed",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema =
                                                            @Schema(
                                                                    implementation =
                                                                            Problem.class))),
                            @APIResponse(
                                    name = "Unauthorized",
                                    responseCode = "401",
                                    description = "No token, or an invalid or expired one",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema =
                                                            @Schema(
                                                                    implementation =
                                                                            Problem.class))),
                            @APIResponse(
                                    name = "Forbidden",
                                    responseCode = "403",
                                    description =
                                            "The caller may not do this (rights, authentication level, party type)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema =
                                                            @Schema(
                                                                    implementation =
                                                                            Problem.class))),
                            @APIResponse(
                                    name = "NotFound",
                                    responseCode = "404",
                                    description = "No such app, party or instance",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema =
                                                            @Schema(
                                                                    implementation =
                                                                            Problem.class))),
                            @APIResponse(
                                    name = "Conflict",
                                    responseCode = "409",
                                    description =
                                            "The instance or data element cannot be changed now (archived, deleted, locked, other task, max count)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema =
                                                            @Schema(
                                                                    implementation =
                                                                            Problem.class))),
                            @APIResponse(
                                    name = "PayloadTooLarge",
                                    responseCode = "413",
                                    description = "The body is larger than the configured limit",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema =
                                                            @Schema(
                                                                    implementation =
                                                                            Problem.class))),
                            @APIResponse(
                                    name = "UnsupportedMediaType",
                                    responseCode = "415",
                                    description = "The body's content type is not accepted here",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema =
                                                            @Schema(
                                                                    implementation =
                                                                            Problem.class)))
                        }))
public class ApiDefinition extends Application {}
