package dev.appinstances.data;

import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.common.TimeSource;
import dev.appinstances.data.DataPatchResponseMultiple.NewDataModel;
import dev.appinstances.data.FormPatches.Patched;
import dev.appinstances.data.FormPatches.Target;
import dev.appinstances.data.PatchRequests.ElementPatch;
import dev.appinstances.formdata.FormModel;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.http.RequestBody;
import dev.appinstances.instance.DataElementEntity;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.FormValues;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceDocuments;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEvents;
import dev.appinstances.instance.InstanceView;
import dev.appinstances.instance.ReadReceipts;
import dev.appinstances.instance.StoredPart;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.ConcurrentModificationException;
import dev.appinstances.problem.NotFormDataException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Form data saved with RFC 6902 JSON Patch, as Altinn's browser client saves every form. Read the
 * elements' models (short session), apply the patches and store the new XML (no transaction), then
 * swap the content in one short transaction that checks that no element changed meanwhile. All or
 * nothing across the elements. A lost race is retried from the read, so {@code test} operations are
 * checked against the model that is actually replaced; patches of one instance take turns within
 * this process ({@link InstanceWriteQueue}).
 */
@ApplicationScoped
public class FormPatchService {

    private final InstanceAccess instances;
    private final DataElementChecks checks;
    private final FormContents forms;
    private final FormValues formValues;
    private final Transactions transactions;
    private final ElementContents contents;
    private final InstanceDocuments documents;
    private final TimeSource time;
    private final InstanceWriteQueue queue;
    private final FormPatches patcher;
    private final int attempts;
    private final long maxBodySize;
    private final ReadReceipts readReceipts;
    private final InstanceEvents events;

    @SuppressWarnings("java:S107") // constructor injection
    FormPatchService(
            InstanceAccess instances,
            DataElementChecks checks,
            FormContents forms,
            FormValues formValues,
            Transactions transactions,
            ElementContents contents,
            InstanceDocuments documents,
            TimeSource time,
            InstanceWriteQueue queue,
            FormPatches patcher,
            FormDataSettings settings,
            HttpLimits limits,
            ReadReceipts readReceipts,
            InstanceEvents events) {
        this.readReceipts = readReceipts;
        this.events = events;
        this.instances = instances;
        this.checks = checks;
        this.forms = forms;
        this.formValues = formValues;
        this.transactions = transactions;
        this.contents = contents;
        this.documents = documents;
        this.time = time;
        this.queue = queue;
        this.patcher = patcher;
        this.attempts = Math.max(1, settings.patchAttempts());
        this.maxBodySize =
                Math.max(limits.maxJsonBodySize().asLongValue(), settings.maxSize().asLongValue());
    }

    public Uni<DataPatchResponse> patchOne(
            Caller caller, InstanceRef ref, UUID dataGuid, String ifMatch, RequestBody body) {
        return body.readAll(maxBodySize)
                .map(bytes -> PatchRequests.single(body.contentType(), bytes, dataGuid))
                .chain(patches -> patch(caller, ref, patches, ifMatch))
                .map(
                        outcome ->
                                new DataPatchResponse(
                                        Map.of(),
                                        outcome.models().get(0).data(),
                                        outcome.instance()));
    }

    public Uni<DataPatchResponseMultiple> patchMany(
            Caller caller, InstanceRef ref, String ifMatch, RequestBody body) {
        return body.readAll(maxBodySize)
                .map(bytes -> PatchRequests.multi(body.contentType(), bytes))
                .chain(patches -> patch(caller, ref, patches, ifMatch))
                .map(
                        outcome ->
                                new DataPatchResponseMultiple(
                                        List.of(), outcome.models(), outcome.instance()));
    }

    private record Outcome(List<NewDataModel> models, InstanceView instance) {}

    private Uni<Outcome> patch(
            Caller caller, InstanceRef ref, List<ElementPatch> patches, String ifMatch) {
        return queue.inTurn(
                ref.guid(),
                () ->
                        Uni.createFrom()
                                .deferred(() -> attempt(caller, ref, patches, ifMatch))
                                .onFailure(ConcurrentModificationException.class)
                                .retry()
                                .atMost(attempts - 1L));
    }

    private Uni<Outcome> attempt(
            Caller caller, InstanceRef ref, List<ElementPatch> patches, String ifMatch) {
        return transactions
                .read(
                        () ->
                                instances
                                        .writable(caller, ref, ifMatch)
                                        .chain(instance -> targets(caller, instance, patches)))
                .chain(targets -> patcher.apply(targets, patches))
                .chain(patched -> commit(caller, ref, ifMatch, patched));
    }

    private Uni<List<Target>> targets(
            Caller caller, InstanceEntity instance, List<ElementPatch> patches) {
        return Multi.createFrom()
                .iterable(patches)
                .onItem()
                .transformToUniAndConcatenate(
                        patch ->
                                checks.writableElement(caller, instance, patch.dataElementId())
                                        .map(this::target))
                .collect()
                .asList();
    }

    private Target target(DataElementEntity element) {
        DataType type = checks.dataTypeOf(element);
        if (!forms.isForm(type)) {
            throw new NotFormDataException(
                    "Data element "
                            + element.id
                            + " is of data type '"
                            + type.id
                            + "', which is not form data; only form data can be patched");
        }
        return new Target(element.id, element.blobId, element.size, type);
    }

    private Uni<Outcome> commit(
            Caller caller, InstanceRef ref, String ifMatch, List<Patched> patched) {
        List<StoredPart> parts = patched.stream().map(Patched::part).toList();
        return formValues
                .of(parts)
                .chain(
                        values ->
                                transactions.change(
                                        () ->
                                                instances
                                                        .writable(caller, ref, ifMatch)
                                                        .call(
                                                                instance ->
                                                                        swap(
                                                                                caller, instance,
                                                                                patched, values))
                                                        .chain(documents::of)))
                .map(view -> new Outcome(models(patched), view));
    }

    private Uni<Void> swap(
            Caller caller,
            InstanceEntity instance,
            List<Patched> patched,
            FormValues.Changes values) {
        Instant now = time.now();
        // The new content first, so its blob rows exist before the elements point at them.
        return contents.commit(patched.stream().map(Patched::part).toList())
                .onItem()
                .transformToMulti(ignored -> Multi.createFrom().iterable(patched))
                .onItem()
                .transformToUniAndConcatenate(
                        p ->
                                checks.writableElement(caller, instance, p.target().elementId())
                                        .call(
                                                element -> {
                                                    if (!element.blobId.equals(
                                                            p.target().blobId())) {
                                                        throw new ConcurrentModificationException(
                                                                "Data element "
                                                                        + element.id
                                                                        + " was changed by another"
                                                                        + " request meanwhile");
                                                    }
                                                    element.replaceContent(
                                                            p.part(), now, caller.actorId());
                                                    return readReceipts
                                                            .elementReplacedBy(
                                                                    caller, instance, element)
                                                            .chain(
                                                                    () ->
                                                                            events.dataSaved(
                                                                                    caller,
                                                                                    instance,
                                                                                    element, now));
                                                }))
                .collect()
                .asList()
                .invoke(
                        ignored -> {
                            instance.touch(now, caller.actorId());
                            values.applyTo(instance);
                        })
                .replaceWithVoid();
    }

    private static List<NewDataModel> models(List<Patched> patched) {
        return patched.stream()
                .map(
                        p ->
                                new NewDataModel(
                                        p.target().elementId().toString(),
                                        new String(
                                                FormModel.toJson(p.model(), true),
                                                StandardCharsets.UTF_8)))
                .toList();
    }
}
