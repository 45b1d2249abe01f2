package dev.appinstances.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the app this deployment serves ({@code app.*}, env {@code APP_*}). */
@ConfigMapping(prefix = "app")
public interface AppSettings {

    /** Folder with applicationmetadata.json, process/process.bpmn and models/; empty = example. */
    Optional<String> configDir();

    /** Base URL clients reach the service under, e.g. {@code https://ttd.apps.example.no}. */
    String publicBaseUrl();

    Auth auth();

    interface Auth {
        /** Minimum {@code urn:altinn:authlevel} for instance operations. */
        @WithDefault("2")
        int minimumAuthenticationLevel();
    }
}
