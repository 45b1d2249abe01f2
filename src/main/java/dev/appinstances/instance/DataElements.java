package dev.appinstances.instance;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Data elements as a whole: created from stored parts, locked, removed; inside the caller's
 * transaction.
 */
@ApplicationScoped
public class DataElements {

    private final DataElementRepository elements;
    private final ElementContents contents;
    private final UploadMetrics metrics;

    public DataElements(
            DataElementRepository elements, ElementContents contents, UploadMetrics metrics) {
        this.elements = elements;
        this.contents = contents;
        this.metrics = metrics;
    }

    /** Creates one element per part, in order, and makes their content permanent. */
    public Uni<List<DataElementEntity>> attach(
            UUID instanceId, int firstPosition, List<StoredPart> parts, Instant now, String actor) {
        List<DataElementEntity> created = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            created.add(newElement(instanceId, firstPosition + i, parts.get(i), now, actor));
        }
        if (created.isEmpty()) {
            return Uni.createFrom().item(created);
        }
        return contents.commit(parts)
                .chain(() -> elements.persist(created))
                .invoke(() -> created.forEach(element -> metrics.storedElement(element.size)))
                .replaceWith(created);
    }

    /** The position of the next element added to an instance. */
    public Uni<Integer> nextPosition(UUID instanceId) {
        return elements.nextPosition(instanceId);
    }

    /** Elements per data type id. */
    public Uni<Map<String, Long>> countByType(UUID instanceId) {
        return elements.ofInstance(instanceId)
                .map(
                        list ->
                                list.stream()
                                        .collect(
                                                Collectors.groupingBy(
                                                        e -> e.dataType, Collectors.counting())));
    }

    /** At the end of the process every element is locked. */
    public Uni<Void> lockAll(UUID instanceId) {
        return elements.lockAll(instanceId).replaceWithVoid();
    }

    /** Removes the elements of the given types (their content goes with them); their ids. */
    public Uni<List<UUID>> deleteOfTypes(UUID instanceId, Collection<String> dataTypeIds) {
        if (dataTypeIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return elements.ofInstance(instanceId)
                .chain(
                        all -> {
                            List<UUID> removed =
                                    all.stream()
                                            .filter(e -> dataTypeIds.contains(e.dataType))
                                            .map(e -> e.id)
                                            .toList();
                            return removed.isEmpty()
                                    ? Uni.createFrom().item(removed)
                                    : elements.deleteOfTypes(instanceId, dataTypeIds)
                                            .replaceWith(removed);
                        });
    }

    public Uni<List<DataElementEntity>> ofInstance(UUID instanceId) {
        return elements.ofInstance(instanceId);
    }

    private static DataElementEntity newElement(
            UUID instanceId, int position, StoredPart part, Instant now, String actor) {
        DataElementEntity element = new DataElementEntity();
        element.id = UUID.randomUUID();
        element.instanceId = instanceId;
        element.position = position;
        element.dataType = part.dataType().id;
        element.filename = part.filename();
        element.contentType =
                part.contentType() == null ? "application/octet-stream" : part.contentType();
        element.blobId = part.blob().id();
        element.size = part.blob().size();
        element.contentHash = part.blob().sha256();
        element.created = now;
        element.createdBy = actor;
        element.lastChanged = now;
        element.lastChangedBy = actor;
        return element;
    }
}
