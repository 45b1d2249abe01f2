package dev.appinstances.instance;

import dev.appinstances.auth.Caller;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Builds instance documents: the row plus the owner party, data elements and complete
 * confirmations. Reads for answering come with all of it in one statement ({@link
 * InstanceDocumentStore}); after a change, the document is read in the change's session.
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

    /** The document of a row read with everything it shows (no database work). */
    public InstanceView of(StoredInstance stored) {
        return views.of(
                stored.instance(), stored.owner(), stored.elements(), stored.confirmations());
    }

    /**
     * The document of one instance as the session sees it, changes of its transaction included;
     * call inside a reactive session.
     */
    public Uni<InstanceView> of(InstanceEntity instance) {
        return register.partyById(instance.partyId)
                .chain(
                        owner ->
                                elements.ofInstance(instance.id)
                                        .chain(
                                                data ->
                                                        confirmations
                                                                .ofInstance(instance.id)
                                                                .map(
                                                                        rows ->
                                                                                views.of(
                                                                                        instance,
                                                                                        owner,
                                                                                        data,
                                                                                        confirmationsOf(
                                                                                                rows)))));
    }

    /** Like Storage: no confirmations is null, not []. */
    private static List<CompleteConfirmation> confirmationsOf(
            List<CompleteConfirmationEntity> rows) {
        return rows.isEmpty()
                ? null
                : rows.stream().map(CompleteConfirmationEntity::toConfirmation).toList();
    }
}
