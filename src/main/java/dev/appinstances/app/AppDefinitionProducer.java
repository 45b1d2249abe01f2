package dev.appinstances.app;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Loads the app config at startup, so that an invalid config stops the service at once. */
@ApplicationScoped
public class AppDefinitionProducer {

    @Produces
    @Startup
    @Singleton
    AppDefinition appDefinition(AppSettings settings) {
        AppConfigFiles files =
                settings.configDir()
                        .map(dir -> AppConfigFiles.directory(Path.of(dir)))
                        .orElseGet(AppConfigFiles::bundledExample);
        AppDefinition app = AppDefinitionLoader.load(files);
        Log.infof(
                "Serving app %s (process %s, %d data types) from %s",
                app.appId(),
                app.process().processId(),
                app.metadata().dataTypes.size(),
                files.location());
        return app;
    }
}
