package dev.appinstances.instantiation;

import static java.util.stream.Collectors.toSet;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.TimeSource;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.http.RequestBody;
import dev.appinstances.idempotency.Created;
import dev.appinstances.idempotency.IdempotentCreates;
import dev.appinstances.idempotency.KeyedCreate;
import dev.appinstances.instance.AppEvents;
import dev.appinstances.instance.DataElements;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.FormValues;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEvents;
import dev.appinstances.instance.InstanceRepository;
import dev.appinstances.instance.InstanceView;
import dev.appinstances.instance.InstanceViews;
import dev.appinstances.instance.ReadReceipts;
import dev.appinstances.instance.ReadStatus;
import dev.appinstances.instance.StoredPart;
import dev.appinstances.instance.TaskEntry;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.UnsupportedContentTypeException;
import dev.appinstances.register.Party;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Creating instances from a JSON template or a multipart body. Content is received first, as
 * pending blobs; then the instance and its data elements are created in one transaction, so all of
 * it becomes visible at once or nothing does; content of a create that failed is discarded.
 */
@ApplicationScoped
public class InstantiationService {

    private final InstanceRepository instances;
    private final InstanceOwners owners;
    private final AccessControl access;
    private final AppDefinition app;
    private final InstanceViews views;
    private final TimeSource time;
    private final DataElements dataElements;
    private final ElementContents contents;
    private final InstanceTemplateReader templates;
    private final MultipartUploads uploads;
    private final Transactions transactions;
    private final IdempotentCreates idempotency;
    private final TaskEntry taskEntry;
    private final FormValues formValues;
    private final InstanceEvents events;
    private final AppEvents appEvents;
    private final long maxJsonBodySize;

    @SuppressWarnings("java:S107") // constructor injection of what one create touches
    public InstantiationService(
            InstanceRepository instances,
            InstanceOwners owners,
            AccessControl access,
            AppDefinition app,
            InstanceViews views,
            TimeSource time,
            DataElements dataElements,
            ElementContents contents,
            InstanceTemplateReader templates,
            MultipartUploads uploads,
            Transactions transactions,
            IdempotentCreates idempotency,
            TaskEntry taskEntry,
            FormValues formValues,
            InstanceEvents events,
            AppEvents appEvents,
            HttpLimits limits) {
        this.events = events;
        this.instances = instances;
        this.owners = owners;
        this.access = access;
        this.app = app;
        this.views = views;
        this.time = time;
        this.dataElements = dataElements;
        this.contents = contents;
        this.templates = templates;
        this.uploads = uploads;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.taskEntry = taskEntry;
        this.formValues = formValues;
        this.appEvents = appEvents;
        this.maxJsonBodySize = limits.maxJsonBodySize().asLongValue();
    }

    /** A JSON instance template (or an empty body with the owner in the query). */
    public Uni<Created<InstanceView>> createFromTemplate(
            Caller caller, String queryPartyId, RequestBody body, String idempotencyKey) {
        checkMayInstantiate(caller, false);
        return idempotency.create(
                caller,
                idempotencyKey,
                body,
                (request, keyed) ->
                        request.readAll(maxJsonBodySize)
                                .map(
                                        bytes ->
                                                templates.read(
                                                        requireJson(request.contentType(), bytes),
                                                        queryPartyId))
                                .chain(command -> create(caller, command, List.of(), false, keyed)),
                InstantiationService::location);
    }

    /**
     * A multipart body: the {@code instance} part is the template, every other part an element. A
     * request without a Content-Type (Altinn's browser client posts no body at all) is routed here
     * by JAX-RS; it has no parts, so it is a create from an empty template.
     */
    public Uni<Created<InstanceView>> createWithData(
            Caller caller, String queryPartyId, RequestBody body, String idempotencyKey) {
        if (body.contentType() == null || body.contentType().isBlank()) {
            return createFromTemplate(caller, queryPartyId, body, idempotencyKey);
        }
        checkMayInstantiate(caller, false);
        return idempotency.create(
                caller,
                idempotencyKey,
                body,
                (request, keyed) ->
                        request.stream(uploads.newUpload(request.contentType()))
                                .chain(
                                        received ->
                                                createWith(caller, queryPartyId, received, keyed)),
                InstantiationService::location);
    }

    private Uni<InstanceView> createWith(
            Caller caller, String queryPartyId, ReceivedMultipart received, KeyedCreate keyed) {
        return Uni.createFrom()
                .item(
                        () ->
                                templates.read(
                                        received.instanceTemplate(),
                                        queryPartyId,
                                        "The multipart section named 'instance'"))
                .chain(command -> create(caller, command, received.parts(), false, keyed))
                .onFailure()
                .call(() -> contents.discard(received.parts()));
    }

    static String location(InstanceView instance) {
        return instance.selfLinks().apps();
    }

    /**
     * The checks that need only the caller; run before the body is read. As in Altinn, a copy of
     * the owner's own archived instance is allowed even when users may not instantiate.
     */
    void checkMayInstantiate(Caller caller, boolean copy) {
        access.requireScope(caller, AccessControl.WRITE_SCOPE);
        access.requireAuthenticationLevel(caller);
        if (!copy) {
            access.requireInstantiationAllowed(caller);
        }
    }

    /**
     * Creates the instance and, in the same transaction, one data element per stored part. {@code
     * copy}: it copies an archived instance. The caller discards the parts when this fails.
     */
    Uni<InstanceView> create(
            Caller caller,
            CreateInstanceCommand command,
            List<StoredPart> parts,
            boolean copy,
            KeyedCreate keyed) {
        checkMayInstantiate(caller, copy);
        Set<String> supplied = parts.stream().map(part -> part.dataType().id).collect(toSet());
        List<StoredPart> all = new ArrayList<>(parts);
        all.addAll(taskEntry.newForms(app.process().firstTask().id(), supplied));
        return formValues.of(all).chain(values -> persist(caller, command, all, values, keyed));
    }

    private Uni<InstanceView> persist(
            Caller caller,
            CreateInstanceCommand command,
            List<StoredPart> parts,
            FormValues.Changes values,
            KeyedCreate keyed) {
        return transactions.change(
                () ->
                        owners.resolve(caller, command.owner())
                                .chain(party -> persistNew(caller, command, party, parts, values))
                                .call(view -> keyed.record(view, location(view))));
    }

    private Uni<InstanceView> persistNew(
            Caller caller,
            CreateInstanceCommand command,
            Party party,
            List<StoredPart> parts,
            FormValues.Changes values) {
        InstanceEntity instance = newInstance(caller, command, party);
        values.applyTo(instance);
        Instant now = instance.created;
        // Altinn's order: the process events the App writes, Storage's Created, then the data.
        return instances
                .persist(instance)
                .chain(() -> events.processStarted(caller, instance, now))
                .chain(() -> events.created(caller, instance, now))
                .chain(() -> dataElements.attach(instance.id, 0, parts, now, caller.actorId()))
                .invoke(elements -> ReadReceipts.elementsAddedBy(caller, instance, elements))
                .call(elements -> events.dataCreated(caller, instance, elements, now))
                .call(() -> appEvents.created(instance))
                .map(
                        elements ->
                                views.forCaller(views.of(instance, party, elements, null), caller));
    }

    private InstanceEntity newInstance(Caller caller, CreateInstanceCommand command, Party owner) {
        Instant now = time.now();
        InstanceEntity instance = new InstanceEntity();
        instance.id = UUID.randomUUID();
        instance.partyId = owner.partyId();
        instance.appId = app.appId();
        instance.org = app.org();
        instance.instanceOwner = InstantiationRules.normalizedOwner(owner);
        instance.dueBefore = command.dueBefore();
        instance.visibleAfter = command.visibleAfter() != null ? command.visibleAfter() : now;
        instance.setProcess(app.process().start(now));
        instance.readStatus = (short) initialReadStatus(caller, command).code();
        instance.substatus = command.substatus();
        instance.dataValues = command.dataValues();
        instance.created = now;
        instance.createdBy = caller.actorId();
        instance.touch(now, caller.actorId());
        return instance;
    }

    /** Like Altinn: what the owner creates is already read; the app owner's starts unread. */
    private static ReadStatus initialReadStatus(Caller caller, CreateInstanceCommand command) {
        if (!caller.isAppOwner()) {
            return ReadStatus.READ;
        }
        return command.readStatus() != null ? command.readStatus() : ReadStatus.UNREAD;
    }

    /** A non-empty body must be JSON; an empty one means "no template". */
    static byte[] requireJson(String contentType, byte[] body) {
        if (body.length == 0) {
            return body;
        }
        if (!MediaTypes.isJson(contentType)) {
            throw new UnsupportedContentTypeException(
                    "An instance template must be sent as application/json, not "
                            + (contentType == null ? "without a Content-Type" : contentType));
        }
        return body;
    }
}
