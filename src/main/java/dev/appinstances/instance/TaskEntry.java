package dev.appinstances.instance;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.formdata.FormModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to an instance's data when a task is entered, at instantiation and on every later
 * move: each form data type bound to the task with {@code appLogic.autoCreate} gets one element, an
 * empty form built from its model schema, unless the instance already has an element of that type
 * (so a form sent with the create, or left from an earlier visit of the task, is kept). Types
 * without a model schema are left alone.
 */
@ApplicationScoped
public class TaskEntry {

    private static final String XML = "application/xml";

    private final AppDefinition app;
    private final ElementContents contents;
    private final DataElements dataElements;
    private final InstanceEvents events;

    public TaskEntry(
            AppDefinition app,
            ElementContents contents,
            DataElements dataElements,
            InstanceEvents events) {
        this.app = app;
        this.contents = contents;
        this.dataElements = dataElements;
        this.events = events;
    }

    /** The types entering the task creates an element of, in metadata order. */
    public List<DataType> autoCreatedTypes(String taskId) {
        return app.metadata().dataTypes.stream()
                .filter(type -> taskId != null && taskId.equals(type.taskId))
                .filter(type -> type.isFormData() && Boolean.TRUE.equals(type.appLogic.autoCreate))
                .filter(type -> app.formModel(type.id).isPresent())
                .toList();
    }

    /**
     * Empty forms for the task's auto-created types not among {@code present}; the caller attaches
     * them, which writes them in its transaction.
     */
    public List<StoredPart> newForms(String taskId, Collection<String> present) {
        return autoCreatedTypes(taskId).stream()
                .filter(type -> !present.contains(type.id))
                .map(this::emptyForm)
                .toList();
    }

    /**
     * Enters the task: inside the caller's transaction, creates the missing auto-created elements
     * of the instance (each with its Created event) and returns them. For the process service, when
     * a move enters a task.
     */
    public Uni<List<DataElementEntity>> enter(
            InstanceEntity instance, String taskId, Instant now, Caller caller) {
        if (autoCreatedTypes(taskId).isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return dataElements
                .countByType(instance.id)
                .map(counts -> newForms(taskId, present(counts)))
                .chain(
                        forms ->
                                forms.isEmpty()
                                        ? Uni.createFrom().item(List.<DataElementEntity>of())
                                        : dataElements
                                                .nextPosition(instance.id)
                                                .chain(
                                                        position ->
                                                                dataElements.attach(
                                                                        instance.id,
                                                                        position,
                                                                        forms,
                                                                        now,
                                                                        caller.actorId())))
                .invoke(created -> ReadReceipts.elementsAddedBy(caller, instance, created))
                .call(created -> events.dataCreated(caller, instance, created, now));
    }

    private static Collection<String> present(Map<String, Long> counts) {
        return counts.keySet();
    }

    /** Whether {@link #emptyForm} can build an element of the type (a form type with a model). */
    public boolean hasEmptyForm(DataType type) {
        return type.isFormData() && app.formModel(type.id).isPresent();
    }

    /** An empty form of the type (the root element alone), written when it is attached. */
    public StoredPart emptyForm(DataType type) {
        Optional<FormModel> model = app.formModel(type.id);
        return contents.built(type, XML, model.orElseThrow().prefill(Map.of()));
    }
}
