package dev.appinstances.instantiation;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.CopyInstanceSettings;
import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.formdata.FormModel;
import dev.appinstances.formdata.PrefillException;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.http.JsonBodies;
import dev.appinstances.http.RequestBody;
import dev.appinstances.idempotency.Created;
import dev.appinstances.idempotency.IdempotentCreates;
import dev.appinstances.idempotency.KeyedCreate;
import dev.appinstances.instance.DataElementEntity;
import dev.appinstances.instance.DataElements;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceView;
import dev.appinstances.instance.StoredPart;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST {basePath}/create}: a new instance whose form data is built from a key/value prefill,
 * or copied from an archived instance of the same owner. Copied content is produced as pending
 * blobs first and prefilled forms are built in memory; then the instance and its data elements
 * (with the forms' content) are created in one transaction, as for a multipart create; on any
 * failure the pending content is discarded.
 */
@ApplicationScoped
public class SimplifiedCreateService {

    private final InstantiationService instantiation;
    private final InstanceTemplateReader templates;
    private final InstanceAccess instances;
    private final DataElements dataElements;
    private final BlobStore blobs;
    private final ElementContents contents;
    private final FormDataCopier copier;
    private final Register register;
    private final AppDefinition app;
    private final Transactions transactions;
    private final long maxJsonBodySize;
    private final JsonBodies json;
    private final IdempotentCreates idempotency;

    @SuppressWarnings("java:S107") // constructor injection of what a create by copy touches
    public SimplifiedCreateService(
            InstantiationService instantiation,
            InstanceTemplateReader templates,
            InstanceAccess instances,
            DataElements dataElements,
            BlobStore blobs,
            ElementContents contents,
            FormDataCopier copier,
            Register register,
            AppDefinition app,
            Transactions transactions,
            JsonBodies json,
            IdempotentCreates idempotency,
            HttpLimits limits) {
        this.instantiation = instantiation;
        this.templates = templates;
        this.instances = instances;
        this.dataElements = dataElements;
        this.blobs = blobs;
        this.contents = contents;
        this.copier = copier;
        this.register = register;
        this.app = app;
        this.transactions = transactions;
        this.maxJsonBodySize = limits.maxJsonBodySize().asLongValue();
        // Altinn binds this body case-insensitively (ASP.NET web defaults).
        this.json = json;
        this.idempotency = idempotency;
    }

    public Uni<Created<InstanceView>> create(
            Caller caller, RequestBody body, String idempotencyKey) {
        return idempotency.create(
                caller,
                idempotencyKey,
                body,
                (request, keyed) ->
                        request.readAll(maxJsonBodySize)
                                .map(
                                        bytes ->
                                                InstantiationService.requireJson(
                                                        request.contentType(), bytes))
                                .chain(bytes -> create(caller, parse(bytes), keyed)),
                InstantiationService::location);
    }

    private Uni<InstanceView> create(
            Caller caller, SimplifiedCreateRequest request, KeyedCreate keyed) {
        boolean copy = request.sourceInstanceId() != null && !request.sourceInstanceId().isBlank();
        if (copy && request.prefill() != null && !request.prefill().isEmpty()) {
            throw new InvalidRequestException("Give either prefill or sourceInstanceId, not both");
        }
        instantiation.checkMayInstantiate(caller, copy);
        CreateInstanceCommand command =
                templates.toCommand(
                        new InstanceTemplate(
                                request.instanceOwner(),
                                request.dueBefore(),
                                request.visibleAfter(),
                                null,
                                null),
                        null);
        Uni<List<StoredPart>> parts =
                copy
                        ? copiedParts(caller, command, request.sourceInstanceId())
                        : prefilledParts(request.prefill() == null ? Map.of() : request.prefill());
        return parts.chain(
                stored ->
                        instantiation
                                .create(caller, command, stored, copy, keyed)
                                .onFailure()
                                .call(() -> contents.discard(stored)));
    }

    private SimplifiedCreateRequest parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidRequestException("The body must be a JSON object");
        }
        return json.objectIgnoringCase(body, SimplifiedCreateRequest.class, "The body");
    }

    /** The form data of the first task's form data types, built from the prefill. */
    private Uni<List<StoredPart>> prefilledParts(Map<String, String> prefill) {
        List<DataType> forms = firstTaskTypes(true);
        if (forms.isEmpty() && !prefill.isEmpty()) {
            throw new InvalidRequestException("The app has no form data type to prefill");
        }
        List<StoredPart> parts = new ArrayList<>();
        for (DataType form : forms) {
            byte[] xml = formXml(form, prefill);
            if (xml != null) {
                parts.add(contents.built(form, "application/xml", xml));
            }
        }
        return Uni.createFrom().item(parts);
    }

    private byte[] formXml(DataType form, Map<String, String> prefill) {
        FormModel model = app.formModel(form.id).orElse(null);
        if (model == null) {
            if (!prefill.isEmpty()) {
                throw new InvalidRequestException(
                        "Data type '" + form.id + "' has no model schema to prefill from");
            }
            return null;
        }
        try {
            return model.prefill(prefill);
        } catch (PrefillException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** Copies of the source's data elements that the copy settings keep. */
    private Uni<List<StoredPart>> copiedParts(
            Caller caller, CreateInstanceCommand command, String sourceInstanceId) {
        CopyInstanceSettings settings = app.metadata().copyInstanceSettings;
        if (settings == null || !settings.enabled) {
            throw new InvalidRequestException(
                    "Creating instance based on a copy from an archived instance is not enabled"
                            + " for this app.");
        }
        SourceId source = SourceId.parse(sourceInstanceId);
        return copyableElements(caller, command, source, settings)
                .chain(elements -> copies(elements, settings));
    }

    private Uni<List<DataElementEntity>> copyableElements(
            Caller caller,
            CreateInstanceCommand command,
            SourceId source,
            CopyInstanceSettings settings) {
        return transactions.read(() -> sourceElements(caller, command, source, settings));
    }

    private Uni<List<DataElementEntity>> sourceElements(
            Caller caller,
            CreateInstanceCommand command,
            SourceId source,
            CopyInstanceSettings settings) {
        return command.owner()
                .lookupIn(register)
                .invoke(
                        owner -> {
                            if (owner != null && owner.partyId() != source.partyId()) {
                                throw new InvalidRequestException(
                                        "It is not possible to copy instances between instance owners.");
                            }
                        })
                .chain(() -> instances.visible(caller, source.ref()))
                .invoke(
                        instance -> {
                            if (instance.archived == null) {
                                throw new InvalidRequestException(
                                        "It is not possible to copy an instance that isn't archived.");
                            }
                        })
                .chain(instance -> dataElements.ofInstance(instance.id))
                .map(elements -> elements.stream().filter(e -> isCopied(e, settings)).toList());
    }

    private boolean isCopied(DataElementEntity element, CopyInstanceSettings settings) {
        if (settings.excludedDataTypes.contains(element.dataType)) {
            return false;
        }
        return firstTaskTypes(true).stream().anyMatch(t -> t.id.equals(element.dataType))
                || (settings.includeAttachments
                        && firstTaskTypes(false).stream()
                                .anyMatch(t -> t.id.equals(element.dataType)));
    }

    private Uni<List<StoredPart>> copies(
            List<DataElementEntity> elements, CopyInstanceSettings settings) {
        List<StoredPart> copied = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DataElementEntity element : elements) {
            DataType type = app.metadata().dataType(element.dataType).orElseThrow();
            chain =
                    chain.chain(
                            () ->
                                    (type.isFormData()
                                                    ? copier.copyWithout(
                                                            element.blobId,
                                                            settings.excludedDataFields)
                                                    : blobs.copy(element.blobId))
                                            .invoke(
                                                    blob ->
                                                            copied.add(
                                                                    new StoredPart(
                                                                            type,
                                                                            element.filename,
                                                                            element.contentType,
                                                                            blob)))
                                            .replaceWithVoid());
        }
        return chain.onFailure().call(() -> contents.discard(copied)).replaceWith(copied);
    }

    /** Data types of the first task: form data ones, or the others. */
    private List<DataType> firstTaskTypes(boolean formData) {
        String firstTask = app.process().firstTask().id();
        return app.metadata().dataTypes.stream()
                .filter(type -> firstTask.equals(type.taskId) && type.isFormData() == formData)
                .toList();
    }

    /** {@code "partyId/guid"}. */
    record SourceId(long partyId, UUID guid) {
        InstanceRef ref() {
            return new InstanceRef(partyId, guid);
        }

        static SourceId parse(String value) {
            String[] parts = value.trim().split("/");
            try {
                if (parts.length == 2) {
                    return new SourceId(Long.parseLong(parts[0]), UUID.fromString(parts[1]));
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new InvalidRequestException(
                    "sourceInstanceId must be partyId/guid, was '" + value + "'");
        }
    }
}
