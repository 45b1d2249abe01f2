package dev.appinstances.process;

/**
 * An action a task offers, from {@code altinn:actions}: a process action moves the process (and is
 * what {@code process/next} takes), a server action is run by the app without moving it.
 */
public record TaskAction(String id, Type type) {

    public enum Type {
        PROCESS_ACTION("ProcessAction"),
        SERVER_ACTION("ServerAction");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** The name Altinn serializes. */
        public String label() {
            return label;
        }
    }

    public static TaskAction process(String id) {
        return new TaskAction(id, Type.PROCESS_ACTION);
    }
}
