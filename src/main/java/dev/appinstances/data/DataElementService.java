package dev.appinstances.data;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.common.TimeSource;
import dev.appinstances.http.ContentDisposition;
import dev.appinstances.http.RequestBody;
import dev.appinstances.idempotency.Created;
import dev.appinstances.idempotency.IdempotentCreates;
import dev.appinstances.idempotency.KeyedCreate;
import dev.appinstances.instance.DataElementEntity;
import dev.appinstances.instance.DataElementRepository;
import dev.appinstances.instance.DataElementView;
import dev.appinstances.instance.DataElementViews;
import dev.appinstances.instance.DataElements;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.FormValues;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEvents;
import dev.appinstances.instance.ReadReceipts;
import dev.appinstances.instance.StoredPart;
import dev.appinstances.persistence.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The data element API's rules. A content write is three steps so that no database connection waits
 * on the client: check (short session), stream the content into a pending blob (no transaction),
 * then attach it (short transaction that checks again, since things may have changed meanwhile);
 * content whose attach fails is discarded.
 */
@ApplicationScoped
public class DataElementService {

    private static final String CONTENT_DISPOSITION = "Content-Disposition";

    private final InstanceAccess instances;
    private final DataElementRepository elements;
    private final DataElements dataElements;
    private final ElementContents contents;
    private final BlobStore blobs;
    private final AppDefinition app;
    private final DataElementViews views;
    private final Transactions transactions;
    private final IdempotentCreates idempotency;
    private final TimeSource time;
    private final FormValues formValues;
    private final ReadReceipts readReceipts;
    private final DataElementChecks checks;
    private final InstanceEvents events;

    @SuppressWarnings("java:S107") // constructor injection
    public DataElementService(
            InstanceAccess instances,
            DataElementRepository elements,
            DataElements dataElements,
            ElementContents contents,
            BlobStore blobs,
            AppDefinition app,
            DataElementViews views,
            Transactions transactions,
            IdempotentCreates idempotency,
            TimeSource time,
            FormValues formValues,
            ReadReceipts readReceipts,
            DataElementChecks checks,
            InstanceEvents events) {
        this.checks = checks;
        this.events = events;
        this.readReceipts = readReceipts;
        this.instances = instances;
        this.elements = elements;
        this.dataElements = dataElements;
        this.contents = contents;
        this.blobs = blobs;
        this.app = app;
        this.views = views;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.time = time;
        this.formValues = formValues;
    }

    /** A new data element of the type, with the body as its content. */
    public Uni<Created<DataElementView>> upload(
            Caller caller,
            InstanceRef ref,
            String dataTypeId,
            String ifMatch,
            RequestBody body,
            String idempotencyKey) {
        return idempotency.create(
                caller,
                idempotencyKey,
                body,
                (request, keyed) -> upload(caller, ref, dataTypeId, ifMatch, request, keyed),
                view -> view.selfLinks().apps());
    }

    private Uni<DataElementView> upload(
            Caller caller,
            InstanceRef ref,
            String dataTypeId,
            String ifMatch,
            RequestBody body,
            KeyedCreate keyed) {
        String contentType = body.contentType();
        String filename = filename(body);
        return transactions
                .read(() -> checks.newElement(caller, ref, dataTypeId, contentType, ifMatch))
                .chain(type -> receive(body, type, filename))
                .chain(
                        part ->
                                attach(
                                        part,
                                        values ->
                                                attachNew(caller, ref, part, values, ifMatch)
                                                        .call(
                                                                view ->
                                                                        keyed.record(
                                                                                view,
                                                                                view.selfLinks()
                                                                                        .apps()))));
    }

    /** New content for an existing element, under the same rules as an upload. */
    public Uni<DataElementView> replace(
            Caller caller, InstanceRef ref, UUID dataGuid, String ifMatch, RequestBody body) {
        String contentType = body.contentType();
        String filename = filename(body);
        return transactions
                .read(() -> checks.replacement(caller, ref, dataGuid, contentType, ifMatch))
                .chain(type -> receive(body, type, filename))
                .chain(
                        part ->
                                attach(
                                        part,
                                        values ->
                                                attachReplacement(
                                                        caller, ref, dataGuid, part, values,
                                                        ifMatch)));
    }

    /**
     * Reads the form values out of the received content, then runs the attach in a transaction; the
     * content is discarded when anything fails.
     */
    private Uni<DataElementView> attach(
            StoredPart part, Function<FormValues.Changes, Uni<DataElementView>> attach) {
        return formValues
                .of(List.of(part))
                .chain(values -> transactions.change(() -> attach.apply(values)))
                .onFailure()
                .call(() -> contents.discard(List.of(part)));
    }

    /** Removes the element; its content goes with it. */
    public Uni<DataElementView> delete(
            Caller caller, InstanceRef ref, UUID dataGuid, String ifMatch) {
        return transactions.change(
                () ->
                        instances
                                .writable(caller, ref, ifMatch)
                                .chain(
                                        instance ->
                                                checks.writableElement(instance, dataGuid)
                                                        .chain(
                                                                element ->
                                                                        remove(
                                                                                caller, instance,
                                                                                element))));
    }

    /** What to send for a content download, after the read check. */
    public Uni<Download> download(
            Caller caller, InstanceRef ref, UUID dataGuid, String rangeHeader) {
        return transactions.read(
                () ->
                        instances
                                .visible(caller, ref)
                                .chain(
                                        instance ->
                                                checks.element(instance, dataGuid)
                                                        .map(
                                                                element ->
                                                                        Download.of(
                                                                                element,
                                                                                rangeHeader))
                                                        // only a read that is answered counts
                                                        .call(
                                                                () ->
                                                                        readReceipts.readBy(
                                                                                caller,
                                                                                instance))));
    }

    /** Streams the body into a pending blob, held to the data type's size rules. */
    private Uni<StoredPart> receive(RequestBody body, DataType type, String filename) {
        return body.stream(new ElementUpload(contents.start(type, "The data element")))
                .map(blob -> new StoredPart(type, filename, body.contentType(), blob));
    }

    private Uni<DataElementView> attachNew(
            Caller caller,
            InstanceRef ref,
            StoredPart part,
            FormValues.Changes values,
            String ifMatch) {
        return instances
                .writable(caller, ref, ifMatch)
                .call(instance -> checks.requireRoomFor(instance, part.dataType()))
                .chain(
                        instance ->
                                dataElements
                                        .nextPosition(instance.id)
                                        .chain(
                                                position -> {
                                                    Instant now = time.now();
                                                    instance.touch(now, caller.actorId());
                                                    values.applyTo(instance);
                                                    ReadReceipts.elementAddedBy(caller, instance);
                                                    return dataElements
                                                            .attach(
                                                                    instance.id,
                                                                    position,
                                                                    List.of(part),
                                                                    now,
                                                                    caller.actorId())
                                                            .call(
                                                                    created ->
                                                                            events.dataCreated(
                                                                                    caller,
                                                                                    instance,
                                                                                    created, now));
                                                })
                                        .map(created -> views.of(created.get(0), instance)));
    }

    /** Swaps the content; the schema removes the old blob with the reference to it. */
    private Uni<DataElementView> attachReplacement(
            Caller caller,
            InstanceRef ref,
            UUID dataGuid,
            StoredPart part,
            FormValues.Changes values,
            String ifMatch) {
        return instances
                .writable(caller, ref, ifMatch)
                .chain(
                        instance ->
                                checks.writableElement(instance, dataGuid)
                                        .chain(
                                                element -> {
                                                    Instant now = time.now();
                                                    element.replaceContent(
                                                            part, now, caller.actorId());
                                                    instance.touch(now, caller.actorId());
                                                    values.applyTo(instance);
                                                    return blobs.commitInCurrentTransaction(
                                                                    List.of(part.blob().id()))
                                                            .call(
                                                                    () ->
                                                                            events.dataSaved(
                                                                                    caller,
                                                                                    instance,
                                                                                    element, now))
                                                            .map(
                                                                    ignored ->
                                                                            views.of(
                                                                                    element,
                                                                                    instance));
                                                }));
    }

    private Uni<DataElementView> remove(
            Caller caller, InstanceEntity instance, DataElementEntity element) {
        Instant now = time.now();
        instance.touch(now, caller.actorId());
        DataElementView view = views.of(element, instance);
        return elements.delete(element)
                .chain(() -> events.dataDeleted(caller, instance, List.of(element.id), now))
                .replaceWith(view);
    }

    private static String filename(RequestBody body) {
        String disposition = body.header(CONTENT_DISPOSITION);
        return disposition == null ? null : ContentDisposition.parse(disposition).filename();
    }
}
