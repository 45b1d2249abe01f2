package dev.appinstances.appmetadata;

import io.quarkus.runtime.configuration.MemorySize;
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

    Limits limits();

    interface Auth {
        /** Minimum {@code urn:altinn:authlevel} for instance operations. */
        @WithDefault("2")
        int minimumAuthenticationLevel();
    }

    interface Limits {
        /** Largest JSON request body (also the largest {@code instance} part of a multipart). */
        @WithDefault("256K")
        MemorySize maxJsonBodySize();

        /** Largest streamed request body (multipart create, data element upload). */
        @WithDefault("2G")
        MemorySize maxRequestSize();

        /** Most parts a multipart body may have. */
        @WithDefault("100")
        int maxParts();

        /** Largest header block of one multipart part. */
        @WithDefault("16K")
        MemorySize maxPartHeaderSize();
    }
}
