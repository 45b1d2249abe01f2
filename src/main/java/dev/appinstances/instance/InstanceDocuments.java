package dev.appinstances.instance;

import dev.appinstances.auth.Caller;
import dev.appinstances.register.Party;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds instance documents: the row plus the owner party, data elements and complete
 * confirmations. One instance or a whole page costs the same three queries, one per kind.
 */
@ApplicationScoped
public class InstanceDocuments {

    private final DataElementRepository elements;
    private final CompleteConfirmationRepository confirmations;
    private final InstanceViews views;
    private final Register register;

    public InstanceDocuments(
            DataElementRepository elements,
            CompleteConfirmationRepository confirmations,
            InstanceViews views,
            Register register) {
        this.elements = elements;
        this.confirmations = confirmations;
        this.views = views;
        this.register = register;
    }

    /** The document as the App API answers it to this caller (see {@link InstanceViews}). */
    public InstanceView forCaller(InstanceView document, Caller caller) {
        return views.forCaller(document, caller);
    }

    /** The document of one instance; call inside a reactive session. */
    public Uni<InstanceView> of(InstanceEntity instance) {
        return ofAll(List.of(instance)).map(documents -> documents.get(0));
    }

    /** Call inside a reactive session; the queries run one after the other on it. */
    public Uni<List<InstanceView>> ofAll(List<InstanceEntity> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = page.stream().map(instance -> instance.id).toList();
        List<Long> partyIds = page.stream().map(instance -> instance.partyId).distinct().toList();
        return register.partiesById(partyIds)
                .chain(
                        parties ->
                                elements.ofInstances(ids)
                                        .chain(
                                                data ->
                                                        confirmations
                                                                .ofInstances(ids)
                                                                .map(
                                                                        rows ->
                                                                                assemble(
                                                                                        page,
                                                                                        parties,
                                                                                        data,
                                                                                        rows))));
    }

    private List<InstanceView> assemble(
            List<InstanceEntity> page,
            Map<Long, Party> partyById,
            List<DataElementEntity> data,
            List<CompleteConfirmationEntity> confirmationRows) {
        Map<UUID, List<DataElementEntity>> dataByInstance = new HashMap<>();
        data.forEach(
                element ->
                        dataByInstance
                                .computeIfAbsent(element.instanceId, id -> new ArrayList<>())
                                .add(element));
        Map<UUID, List<CompleteConfirmation>> confirmationsByInstance = new HashMap<>();
        confirmationRows.forEach(
                row ->
                        confirmationsByInstance
                                .computeIfAbsent(row.instanceId, id -> new ArrayList<>())
                                .add(row.toConfirmation()));
        return page.stream()
                .map(
                        instance ->
                                views.of(
                                        instance,
                                        partyById.get(instance.partyId),
                                        dataByInstance.getOrDefault(instance.id, List.of()),
                                        // like a single read: no confirmations is null, not []
                                        confirmationsByInstance.get(instance.id)))
                .toList();
    }
}
