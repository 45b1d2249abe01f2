package dev.appinstances.data;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.common.TimeSource;
import dev.appinstances.http.BodySink;
import dev.appinstances.http.ContentDisposition;
import dev.appinstances.http.RequestBody;
import dev.appinstances.instance.DataElementEntity;
import dev.appinstances.instance.DataElements;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.FormValues;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEvents;
import dev.appinstances.instance.ReadReceipts;
import dev.appinstances.instance.StoredPart;
import dev.appinstances.instance.TaskEntry;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.ContentTypeNotAllowedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Content written as a data element, in three steps so that no database connection waits on the
 * client: check (short session), stream the content into a pending blob (no transaction), then
 * attach it (short transaction that checks again, since things may have changed meanwhile); content
 * whose attach fails is discarded.
 */
@ApplicationScoped
class ElementUploads {

    private static final String FORM_CONTENT_TYPE = "application/xml";

    /** A new element and its instance, inside the transaction that creates the element. */
    record Attached(DataElementEntity element, InstanceEntity instance) {}

    private final InstanceAccess instances;
    private final DataElements dataElements;
    private final ElementContents contents;
    private final Transactions transactions;
    private final TimeSource time;
    private final FormValues formValues;
    private final DataElementChecks checks;
    private final TaskEntry taskEntry;
    private final AppDefinition app;
    private final InstanceEvents events;

    @SuppressWarnings("java:S107") // constructor injection
    ElementUploads(
            InstanceAccess instances,
            DataElements dataElements,
            ElementContents contents,
            Transactions transactions,
            TimeSource time,
            FormValues formValues,
            DataElementChecks checks,
            TaskEntry taskEntry,
            AppDefinition app,
            InstanceEvents events) {
        this.events = events;
        this.instances = instances;
        this.dataElements = dataElements;
        this.contents = contents;
        this.transactions = transactions;
        this.time = time;
        this.formValues = formValues;
        this.checks = checks;
        this.taskEntry = taskEntry;
        this.app = app;
    }

    /**
     * A new element of the type with the body as its content; {@code answer} runs in the creating
     * transaction. With {@code emptyForm}, a form type with a model and a request without a
     * Content-Type (and without a body) gets an empty form, as autoCreate makes it.
     */
    <T> Uni<T> create(
            Caller caller,
            InstanceRef ref,
            String dataTypeId,
            String ifMatch,
            RequestBody body,
            boolean emptyForm,
            Function<Attached, Uni<T>> answer) {
        String contentType = body.contentType();
        DataType form =
                emptyForm && contentType == null && dataTypeId != null
                        ? app.metadata()
                                .dataType(dataTypeId)
                                .filter(taskEntry::hasEmptyForm)
                                .orElse(null)
                        : null;
        Uni<StoredPart> content;
        if (form != null) {
            content =
                    transactions
                            .read(
                                    () ->
                                            checks.newElement(
                                                    caller,
                                                    ref,
                                                    dataTypeId,
                                                    FORM_CONTENT_TYPE,
                                                    ifMatch))
                            .chain(type -> body.stream(new NoContent(type)))
                            .map(ignored -> taskEntry.emptyForm(form));
        } else {
            String filename = filename(body);
            content =
                    transactions
                            .read(
                                    () ->
                                            checks.newElement(
                                                    caller, ref, dataTypeId, contentType, ifMatch))
                            .chain(type -> receive(body, type, filename));
        }
        return content.chain(
                part ->
                        attach(
                                part,
                                values ->
                                        attachNew(caller, ref, part, values, ifMatch)
                                                .chain(answer::apply)));
    }

    /** Streams the body into a pending blob, held to the data type's size rules. */
    Uni<StoredPart> receive(RequestBody body, DataType type, String filename) {
        return body.stream(new ElementUpload(contents.start(type, "The data element")))
                .map(blob -> new StoredPart(type, filename, body.contentType(), blob));
    }

    /**
     * Reads the form values out of the received content, then runs the attach in a transaction; the
     * content is discarded when anything fails.
     */
    <T> Uni<T> attach(StoredPart part, Function<FormValues.Changes, Uni<T>> attach) {
        return formValues
                .of(List.of(part))
                .chain(values -> transactions.change(() -> attach.apply(values)))
                .onFailure()
                .call(() -> contents.discard(List.of(part)));
    }

    static String filename(RequestBody body) {
        String disposition = body.header("Content-Disposition");
        return disposition == null ? null : ContentDisposition.parse(disposition).filename();
    }

    private Uni<Attached> attachNew(
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
                                                    return dataElements
                                                            .attach(
                                                                    instance.id,
                                                                    position,
                                                                    List.of(part),
                                                                    now,
                                                                    caller.actorId())
                                                            .invoke(
                                                                    created ->
                                                                            ReadReceipts
                                                                                    .elementsAddedBy(
                                                                                            caller,
                                                                                            instance,
                                                                                            created))
                                                            .call(
                                                                    created ->
                                                                            events.dataCreated(
                                                                                    caller,
                                                                                    instance,
                                                                                    created, now));
                                                })
                                        .map(created -> new Attached(created.get(0), instance)));
    }

    /** The body of a request for an empty form: anything in it has no Content-Type to go by. */
    private static final class NoContent implements BodySink<Void> {

        private final DataType type;

        NoContent(DataType type) {
            this.type = type;
        }

        @Override
        public Uni<Void> accept(Buffer chunk) {
            if (chunk.length() > 0) {
                throw new ContentTypeNotAllowedException(
                        "The data element has content but no Content-Type; send data type '"
                                + type.id
                                + "' as "
                                + String.join(
                                        ", ",
                                        type.allowedContentTypes == null
                                                ? List.of(FORM_CONTENT_TYPE)
                                                : type.allowedContentTypes)
                                + ", or without a body for an empty form");
            }
            return null;
        }

        @Override
        public Uni<Void> end() {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> discard() {
            return Uni.createFrom().voidItem();
        }
    }
}
