package dev.appinstances.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The files of an app config folder: a directory on disk, or the example app on the classpath. */
public interface AppConfigFiles {

    String METADATA = "applicationmetadata.json";
    String PROCESS = "process/process.bpmn";
    String MODELS = "models/";

    /** Where the files come from, for messages. */
    String location();

    /** The file's bytes, or empty when the folder has no such file. */
    Optional<byte[]> read(String relativePath);

    static AppConfigFiles directory(Path dir) {
        return new AppConfigFiles() {
            @Override
            public String location() {
                return dir.toAbsolutePath().toString();
            }

            @Override
            public Optional<byte[]> read(String relativePath) {
                try {
                    return Optional.of(Files.readAllBytes(dir.resolve(relativePath)));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + dir.resolve(relativePath), e);
                }
            }
        };
    }

    /** The bundled example app, {@code src/main/resources/example-app}. */
    static AppConfigFiles bundledExample() {
        return new AppConfigFiles() {
            @Override
            public String location() {
                return "classpath:example-app";
            }

            @Override
            public Optional<byte[]> read(String relativePath) {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                try (InputStream in = loader.getResourceAsStream("example-app/" + relativePath)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
