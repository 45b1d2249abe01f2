package dev.appinstances.localdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the embedded PostgreSQL of local runs. Left out of production builds ({@code
 * -Dproduction}), together with zonky, which is why {@link LocalDbMain} finds it by name.
 */
final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {}

    /** Starts a server on a free port with its data in {@code dataDir}; returns the port. */
    static int start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        // zonky's shutdown hook stops the server when the JVM exits.
        EmbeddedPostgres postgres =
                EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .start();
        return postgres.getPort();
    }
}
