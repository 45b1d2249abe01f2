package dev.appinstances.data;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.instance.DataElementEntity;
import dev.appinstances.instance.DataElementRepository;
import dev.appinstances.instance.DataTypeRules;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceWriteRules;
import dev.appinstances.problem.DataElementNotFoundException;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.problem.MaxCountExceededException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The checks of the data element API: before content is received, and again at attach. */
@ApplicationScoped
class DataElementChecks {

    private static final String WRITE = "change its elements";

    private final InstanceAccess instances;
    private final DataElementRepository elements;
    private final AppDefinition app;
    private final FormContents forms;

    DataElementChecks(
            InstanceAccess instances,
            DataElementRepository elements,
            AppDefinition app,
            FormContents forms) {
        this.forms = forms;
        this.instances = instances;
        this.elements = elements;
        this.app = app;
    }

    Uni<DataType> newElement(
            Caller caller, InstanceRef ref, String dataTypeId, String contentType, String ifMatch) {
        if (dataTypeId == null || dataTypeId.isBlank()) {
            throw new InvalidRequestException(
                    "Query parameter dataType is required: the id of the content's data type ("
                            + String.join(
                                    ", ", app.metadata().dataTypes.stream().map(t -> t.id).toList())
                            + ")");
        }
        DataType type =
                DataTypeRules.requireDataType(
                        app.metadata(), dataTypeId, "dataType '" + dataTypeId + "'");
        DataTypeRules.requireAllowedContentType(type, contentType, "The data element");
        DataTypeRules.requireAction(caller, type, type.actionRequiredToWrite, WRITE);
        return instances
                .writable(caller, ref, ifMatch)
                .call(instance -> requireRoomFor(instance, type))
                .replaceWith(type);
    }

    Uni<DataType> replacement(
            Caller caller, InstanceRef ref, UUID dataGuid, String contentType, String ifMatch) {
        return instances
                .writable(caller, ref, ifMatch)
                .chain(instance -> writableElement(caller, instance, dataGuid))
                .map(
                        element -> {
                            DataType type = dataTypeOf(element);
                            // Form data is read as its model, in XML or JSON, and stored as XML.
                            if (!forms.isForm(type)) {
                                DataTypeRules.requireAllowedContentType(
                                        type, contentType, "The data element");
                            }
                            return type;
                        });
    }

    Uni<DataElementEntity> element(InstanceEntity instance, UUID dataGuid) {
        return elements.findById(dataGuid)
                .map(
                        element -> {
                            if (element == null || !element.instanceId.equals(instance.id)) {
                                throw new DataElementNotFoundException(
                                        "Data element "
                                                + dataGuid
                                                + " does not exist in this instance");
                            }
                            return element;
                        });
    }

    /** An element the caller may read: its type's {@code actionRequiredToRead} applies. */
    Uni<DataElementEntity> readableElement(Caller caller, InstanceEntity instance, UUID dataGuid) {
        return element(instance, dataGuid)
                .invoke(
                        element ->
                                app.metadata()
                                        .dataType(element.dataType)
                                        .ifPresent(
                                                type ->
                                                        DataTypeRules.requireAction(
                                                                caller,
                                                                type,
                                                                type.actionRequiredToRead,
                                                                "read its elements")));
    }

    /**
     * An element the caller may change now: not locked, its type's task current, and its type's
     * {@code actionRequiredToWrite} one the caller may perform.
     */
    Uni<DataElementEntity> writableElement(Caller caller, InstanceEntity instance, UUID dataGuid) {
        return element(instance, dataGuid)
                .invoke(
                        element -> {
                            InstanceWriteRules.requireUnlocked(element);
                            DataType type = dataTypeOf(element);
                            DataTypeRules.requireCurrentTask(type, instance.currentTask);
                            DataTypeRules.requireAction(
                                    caller, type, type.actionRequiredToWrite, WRITE);
                        });
    }

    DataType dataTypeOf(DataElementEntity element) {
        return DataTypeRules.requireDataType(
                app.metadata(), element.dataType, "Data type '" + element.dataType + "'");
    }

    Uni<Void> requireRoomFor(InstanceEntity instance, DataType type) {
        DataTypeRules.requireCurrentTask(type, instance.currentTask);
        return elements.countOfType(instance.id, type.id)
                .invoke(
                        count -> {
                            if (!DataTypeRules.isWithinMaxCount(type, count + 1)) {
                                throw new MaxCountExceededException(
                                        "The instance already has "
                                                + count
                                                + " data elements of type '"
                                                + type.id
                                                + "', the most it allows");
                            }
                        })
                .replaceWithVoid();
    }
}
