package dev.appinstances.data;

import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.common.TimeSource;
import dev.appinstances.http.RequestBody;
import dev.appinstances.idempotency.Created;
import dev.appinstances.idempotency.IdempotentCreates;
import dev.appinstances.instance.DataElementEntity;
import dev.appinstances.instance.DataElementRepository;
import dev.appinstances.instance.DataElementView;
import dev.appinstances.instance.DataElementViews;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.FormValues;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceDocuments;
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

/**
 * The data element API's rules: upload (both of Altinn's forms), download, replace, delete. Content
 * is written as {@link ElementUploads} describes.
 */
@ApplicationScoped
public class DataElementService {

    private final InstanceAccess instances;
    private final DataElementRepository elements;
    private final ElementContents contents;
    private final DataElementViews views;
    private final InstanceDocuments documents;
    private final Transactions transactions;
    private final IdempotentCreates idempotency;
    private final TimeSource time;
    private final ReadReceipts readReceipts;
    private final DataElementChecks checks;
    private final ElementUploads uploads;
    private final FormContents forms;
    private final FormReads reads;
    private final InstanceEvents events;

    @SuppressWarnings("java:S107") // constructor injection
    public DataElementService(
            InstanceAccess instances,
            DataElementRepository elements,
            ElementContents contents,
            DataElementViews views,
            InstanceDocuments documents,
            Transactions transactions,
            IdempotentCreates idempotency,
            TimeSource time,
            ReadReceipts readReceipts,
            DataElementChecks checks,
            ElementUploads uploads,
            FormContents forms,
            FormReads reads,
            InstanceEvents events) {
        this.forms = forms;
        this.reads = reads;
        this.events = events;
        this.instances = instances;
        this.elements = elements;
        this.contents = contents;
        this.views = views;
        this.documents = documents;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.time = time;
        this.readReceipts = readReceipts;
        this.checks = checks;
        this.uploads = uploads;
    }

    /** {@code POST data?dataType=}: a new data element of the type; answers the element. */
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
                (request, keyed) ->
                        uploads.create(
                                caller,
                                ref,
                                dataTypeId,
                                ifMatch,
                                request,
                                false,
                                attached -> {
                                    DataElementView view =
                                            views.of(attached.element(), attached.instance());
                                    return keyed.record(view, view.selfLinks().apps())
                                            .replaceWith(view);
                                }),
                view -> view.selfLinks().apps());
    }

    /**
     * {@code POST data/{dataType}}: the same upload; answers the new element's id with the whole
     * instance. A form type without a Content-Type gets an empty form.
     */
    public Uni<Created<DataPostResponse>> post(
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
                (request, keyed) ->
                        uploads.create(
                                caller,
                                ref,
                                dataTypeId,
                                ifMatch,
                                request,
                                true,
                                attached ->
                                        elements.flush()
                                                .chain(() -> documents.of(attached.instance()))
                                                .map(
                                                        instance ->
                                                                DataPostResponse.of(
                                                                        attached.element().id,
                                                                        instance))
                                                .call(
                                                        response ->
                                                                keyed.record(
                                                                        response,
                                                                        response.location()))),
                DataPostResponse::location);
    }

    /** The element a replace changed, and whether it was form data (answered as Altinn: 201). */
    public record Replaced(DataElementView element, boolean form) {}

    /**
     * New content for an existing element, under the same rules as an upload; form data is read as
     * its model (XML or JSON) and stored as XML.
     */
    public Uni<Replaced> replace(
            Caller caller, InstanceRef ref, UUID dataGuid, String ifMatch, RequestBody body) {
        String contentType = body.contentType();
        String filename = ElementUploads.filename(body);
        return transactions
                .read(() -> checks.replacement(caller, ref, dataGuid, contentType, ifMatch))
                .chain(
                        type ->
                                forms.isForm(type)
                                        ? forms.receive(body, type)
                                        : uploads.receive(body, type, filename))
                .chain(
                        part ->
                                uploads.attach(
                                                part,
                                                values ->
                                                        attachReplacement(
                                                                caller, ref, dataGuid, part, values,
                                                                ifMatch))
                                        .map(
                                                view ->
                                                        new Replaced(
                                                                view,
                                                                forms.isForm(part.dataType()))));
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
                                                checks.writableElement(caller, instance, dataGuid)
                                                        .chain(
                                                                element ->
                                                                        remove(
                                                                                caller, instance,
                                                                                element))));
    }

    /** What to send for a content download, after the read check: stored bytes, or the model. */
    public Uni<Download> download(
            Caller caller,
            InstanceRef ref,
            UUID dataGuid,
            String rangeHeader,
            Representation wanted) {
        return transactions
                .read(
                        () ->
                                instances
                                        .visible(caller, ref)
                                        .chain(
                                                instance ->
                                                        checks.readableElement(
                                                                        caller, instance, dataGuid)
                                                                .chain(
                                                                        element ->
                                                                                answered(
                                                                                        caller,
                                                                                        instance,
                                                                                        element,
                                                                                        rangeHeader,
                                                                                        wanted))))
                .chain(located -> reads.render(located, wanted));
    }

    /** Only a read that is answered counts: a refused range marks nothing read. */
    private Uni<FormReads.Located> answered(
            Caller caller,
            InstanceEntity instance,
            DataElementEntity element,
            String range,
            Representation wanted) {
        FormReads.Located located = reads.locate(element, range, wanted);
        return readReceipts.readBy(caller, instance, element).replaceWith(located);
    }

    /**
     * Swaps the content; the schema removes the old blob with the reference to it. The new content
     * is made permanent first, so that its blob row exists before the element points at it.
     */
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
                                checks.writableElement(caller, instance, dataGuid)
                                        .call(() -> contents.commit(List.of(part)))
                                        .chain(
                                                element ->
                                                        replaced(
                                                                caller, instance, element, part,
                                                                values)));
    }

    private Uni<DataElementView> replaced(
            Caller caller,
            InstanceEntity instance,
            DataElementEntity element,
            StoredPart part,
            FormValues.Changes values) {
        Instant now = time.now();
        element.replaceContent(part, now, caller.actorId());
        instance.touch(now, caller.actorId());
        values.applyTo(instance);
        return readReceipts
                .elementReplacedBy(caller, instance, element)
                .call(() -> events.dataSaved(caller, instance, element, now))
                .map(ignored -> views.of(element, instance));
    }

    private Uni<DataElementView> remove(
            Caller caller, InstanceEntity instance, DataElementEntity element) {
        Instant now = time.now();
        instance.touch(now, caller.actorId());
        DataElementView view = views.of(element, instance);
        return readReceipts
                .elementDeleted(instance)
                .chain(() -> elements.delete(element))
                .chain(() -> events.dataDeleted(caller, instance, List.of(element.id), now))
                .replaceWith(view);
    }
}
