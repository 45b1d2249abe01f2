package dev.appinstances.instance;

import dev.appinstances.register.Party;
import java.util.List;

/**
 * An instance row with everything its document shows: the owner's party (null when the register has
 * none), the data elements in upload order and the complete confirmations (null when none).
 */
public record StoredInstance(
        InstanceEntity instance,
        Party owner,
        List<DataElementEntity> elements,
        List<CompleteConfirmation> confirmations) {}
