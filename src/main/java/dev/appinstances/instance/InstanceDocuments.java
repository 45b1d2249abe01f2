package dev.appinstances.instance;

import dev.appinstances.data.DataElements;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Loads what an instance document shows besides the row: owner party, data, confirmations. */
@ApplicationScoped
public class InstanceDocuments {

    private final Register register;
    private final DataElements dataElements;
    private final InstanceViews views;

    public InstanceDocuments(Register register, DataElements dataElements, InstanceViews views) {
        this.register = register;
        this.dataElements = dataElements;
        this.views = views;
    }

    /** The document of an instance; call inside a reactive session. */
    public Uni<InstanceView> of(InstanceEntity instance) {
        return register.partyById(instance.partyId)
                .chain(
                        party ->
                                dataElements
                                        .ofInstance(instance.id)
                                        .chain(
                                                elements ->
                                                        confirmations(instance)
                                                                .map(
                                                                        confirmations ->
                                                                                views.of(
                                                                                        instance,
                                                                                        party,
                                                                                        elements,
                                                                                        confirmations))));
    }

    private static Uni<List<CompleteConfirmation>> confirmations(InstanceEntity instance) {
        return CompleteConfirmationEntity.<CompleteConfirmationEntity>list(
                        "instanceId = ?1 order by confirmedOn", instance.id)
                .map(
                        rows ->
                                rows.isEmpty()
                                        ? null
                                        : rows.stream()
                                                .map(CompleteConfirmationEntity::toConfirmation)
                                                .toList());
    }
}
