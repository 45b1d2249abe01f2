package dev.appinstances.app;

/** The app config folder is missing a file or a file is invalid: the service must not start. */
public class InvalidAppConfigException extends RuntimeException {

    public InvalidAppConfigException(String file, String problem) {
        super("Invalid app config: " + file + ": " + problem);
    }

    public InvalidAppConfigException(String file, String problem, Throwable cause) {
        super("Invalid app config: " + file + ": " + problem, cause);
    }
}
