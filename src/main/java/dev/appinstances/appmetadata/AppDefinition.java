package dev.appinstances.appmetadata;

import dev.appinstances.process.ProcessDefinition;

/** Everything the service knows about the one app it serves, read once at startup. */
public record AppDefinition(
        ApplicationMetadata metadata, ProcessDefinition process, AppConfigFiles files) {

    public String org() {
        return metadata.org;
    }

    public String app() {
        return metadata.app();
    }

    public String appId() {
        return metadata.id;
    }

    /** Whether a request path's {org}/{app} names this app (case-insensitive, as Altinn routes). */
    public boolean isServedAt(String org, String app) {
        return org().equalsIgnoreCase(org) && app().equalsIgnoreCase(app);
    }
}
