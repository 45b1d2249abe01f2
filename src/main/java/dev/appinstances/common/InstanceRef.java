package dev.appinstances.common;

import java.util.UUID;

/**
 * Names one instance: its owner's party id and its guid, as in {@code {partyId}/{guid}} (the
 * instance's {@code id} in the API).
 */
public record InstanceRef(long partyId, UUID guid) {

    @Override
    public String toString() {
        return partyId + "/" + guid;
    }
}
