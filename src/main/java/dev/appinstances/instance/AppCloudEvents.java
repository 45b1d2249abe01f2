package dev.appinstances.instance;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.AppSettings;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The CloudEvents of an instance as Altinn's app sends them ({@code source} the instance's URL,
 * {@code subject} {@code /party/{partyId}}, {@code alternativesubject} the owner's identity) with
 * what Altinn Events adds ({@code resource}, {@code resourceinstance}) and our own {@code id}, in
 * the structured JSON format.
 */
@ApplicationScoped
public class AppCloudEvents {

    private static final JsonFormat FORMAT = new JsonFormat();

    private final AppDefinition app;
    private final String baseUrl;

    public AppCloudEvents(AppDefinition app, AppSettings settings) {
        this.app = app;
        String url = settings.publicBaseUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One event, serialized. */
    public record Built(UUID id, String type, String source, String subject, String json) {}

    public Built of(InstanceEntity instance, String type, Instant time) {
        UUID id = UUID.randomUUID();
        String source = baseUrl + "/" + app.appId() + "/instances/" + path(instance);
        String subject = "/party/" + instance.partyId;
        CloudEventBuilder event =
                CloudEventBuilder.v1()
                        .withId(id.toString())
                        .withType(type)
                        .withSource(URI.create(source))
                        .withSubject(subject)
                        .withTime(time.atOffset(ZoneOffset.UTC))
                        .withExtension("resource", resource())
                        .withExtension("resourceinstance", path(instance));
        String alternative = alternativeSubject(instance.instanceOwner);
        if (alternative != null) {
            event.withExtension("alternativesubject", alternative);
        }
        return new Built(id, type, source, subject, serialize(event.build()));
    }

    /** {@code urn:altinn:resource:app_{org}_{app}}, as Altinn Events names an app. */
    public String resource() {
        return "urn:altinn:resource:app_" + app.org() + "_" + app.app();
    }

    public static String serialize(CloudEvent event) {
        return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
    }

    /** As Altinn: the organisation, else the person, else the external identifier, else none. */
    static String alternativeSubject(InstanceOwner owner) {
        if (owner == null) {
            return null;
        }
        if (owner.organisationNumber() != null) {
            return "/org/" + owner.organisationNumber();
        }
        if (owner.personNumber() != null) {
            return "/person/" + owner.personNumber();
        }
        return owner.externalIdentifier();
    }

    private static String path(InstanceEntity instance) {
        return instance.partyId + "/" + instance.id;
    }
}
