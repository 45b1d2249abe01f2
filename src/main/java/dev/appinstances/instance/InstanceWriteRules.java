package dev.appinstances.instance;

import dev.appinstances.problem.InstanceNotWritableException;

/** When an instance's data may change: never once archived or deleted, never when locked. */
public final class InstanceWriteRules {

    private InstanceWriteRules() {}

    public static void requireWritable(InstanceEntity instance) {
        if (instance.archived != null) {
            throw new InstanceNotWritableException(
                    "Instance " + instance.partyId + "/" + instance.id + " is archived");
        }
        if (instance.softDeleted != null || instance.hardDeleted != null) {
            throw new InstanceNotWritableException(
                    "Instance " + instance.partyId + "/" + instance.id + " is deleted");
        }
    }

    public static void requireUnlocked(DataElementEntity element) {
        if (element.locked) {
            throw new InstanceNotWritableException("Data element " + element.id + " is locked");
        }
    }
}
