package dev.appinstances.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Documents as Altinn Storage writes them (Newtonsoft): null members left out, and instances'
 * {@code status.readStatus} by name ({@code "Unread"}, {@code "Read"}, {@code
 * "UpdatedSinceLastReview"}) where the App API writes a number.
 */
@ApplicationScoped
public class StorageDocuments {

    private static final String[] READ_STATUS_NAMES = {"Unread", "Read", "UpdatedSinceLastReview"};

    private final ObjectMapper storage;

    public StorageDocuments(ObjectMapper json) {
        this.storage = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** Any other document Storage writes (e.g. instance events), its null members left out. */
    public ObjectNode tree(Object document) {
        return storage.valueToTree(document);
    }

    public ObjectNode of(InstanceView instance) {
        ObjectNode document = storage.valueToTree(instance);
        ObjectNode status = (ObjectNode) document.get("status");
        if (status != null && status.has("readStatus")) {
            status.put("readStatus", READ_STATUS_NAMES[status.get("readStatus").asInt()]);
        }
        return document;
    }
}
