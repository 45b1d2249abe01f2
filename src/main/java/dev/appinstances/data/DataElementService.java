package dev.appinstances.data;

import dev.appinstances.appmetadata.AppDefinition;
import dev.appinstances.appmetadata.AppSettings;
import dev.appinstances.appmetadata.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.blob.BlobInfo;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.common.TimeSource;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceService;
import dev.appinstances.problem.DataElementNotFoundException;
import dev.appinstances.problem.MaxCountExceededException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data element API's rules. Writes are three steps so that no database connection waits on the
 * client: check (short session), stream the content into a pending blob (no transaction), then
 * attach it (short transaction that re-checks, since things may have changed meanwhile).
 */
@ApplicationScoped
public class DataElementService {

    private final InstanceService instanceService;
    private final DataElementRepository elements;
    private final BlobStore blobs;
    private final AppDefinition app;
    private final DataElementViews views;
    private final TimeSource time;
    private final DataElements dataElements;
    private final long maxRequestBytes;

    public DataElementService(
            InstanceService instanceService,
            DataElementRepository elements,
            BlobStore blobs,
            AppDefinition app,
            DataElementViews views,
            TimeSource time,
            DataElements dataElements,
            AppSettings settings) {
        this.instanceService = instanceService;
        this.elements = elements;
        this.blobs = blobs;
        this.app = app;
        this.views = views;
        this.time = time;
        this.dataElements = dataElements;
        this.maxRequestBytes = settings.limits().maxRequestSize().asLongValue();
    }

    /** Step 1 of a new element: may the caller add content of this type now? */
    @WithSession
    public Uni<DataType> checkNewElement(
            Caller caller,
            long partyId,
            UUID instanceGuid,
            String dataTypeId,
            String contentType,
            String ifMatch) {
        DataType type =
                DataTypeRules.requireDataType(
                        app.metadata(),
                        dataTypeId == null ? "" : dataTypeId,
                        "dataType '" + dataTypeId + "'");
        DataTypeRules.requireAllowedContentType(type, contentType, "The data element");
        return writableInstance(caller, partyId, instanceGuid, ifMatch)
                .call(instance -> requireRoomFor(instance, type))
                .replaceWith(type);
    }

    /** Step 1 of a replacement: may the caller replace this element's content now? */
    @WithSession
    public Uni<DataType> checkReplacement(
            Caller caller,
            long partyId,
            UUID instanceGuid,
            UUID dataGuid,
            String contentType,
            String ifMatch) {
        return writableInstance(caller, partyId, instanceGuid, ifMatch)
                .chain(instance -> writableElement(instance, dataGuid))
                .map(
                        element -> {
                            DataType type = dataTypeOf(element);
                            DataTypeRules.requireAllowedContentType(
                                    type, contentType, "The data element");
                            return type;
                        });
    }

    /** Step 2: stream the request body into a pending blob. */
    public Uni<BlobInfo> receiveContent(HttpServerRequest request, DataType type) {
        return Uni.createFrom()
                .deferred(() -> new RawBodyUpload(request, type, blobs, maxRequestBytes).receive());
    }

    /** Step 3 of a new element: attach the stored content, re-checking every rule. */
    @WithTransaction
    public Uni<DataElementView> attachNew(
            Caller caller,
            long partyId,
            UUID instanceGuid,
            DataType type,
            String contentType,
            String filename,
            BlobInfo blob,
            String ifMatch) {
        return writableInstance(caller, partyId, instanceGuid, ifMatch)
                .call(instance -> requireRoomFor(instance, type))
                .chain(
                        instance ->
                                nextPosition(instance.id)
                                        .chain(
                                                position -> {
                                                    Instant now = time.now();
                                                    instance.touch(now, caller.actorId());
                                                    var part =
                                                            new StoredPart(
                                                                    type,
                                                                    filename,
                                                                    contentType,
                                                                    blob);
                                                    return persistNew(
                                                            instance, position, part, now, caller);
                                                }));
    }

    /** Step 3 of a replacement: swap the content and drop the old blob. */
    @WithTransaction
    public Uni<DataElementView> attachReplacement(
            Caller caller,
            long partyId,
            UUID instanceGuid,
            UUID dataGuid,
            String contentType,
            String filename,
            BlobInfo blob,
            String ifMatch) {
        return writableInstance(caller, partyId, instanceGuid, ifMatch)
                .chain(
                        instance ->
                                writableElement(instance, dataGuid)
                                        .chain(
                                                element -> {
                                                    UUID oldBlob = element.blobId;
                                                    Instant now = time.now();
                                                    element.blobId = blob.id();
                                                    element.size = blob.size();
                                                    element.contentHash = blob.sha256();
                                                    element.contentType = contentType;
                                                    if (filename != null) {
                                                        element.filename = filename;
                                                    }
                                                    element.lastChanged = now;
                                                    element.lastChangedBy = caller.actorId();
                                                    instance.touch(now, caller.actorId());
                                                    return blobs.commitInCurrentTransaction(
                                                                    List.of(blob.id()))
                                                            .chain(() -> elements.flush())
                                                            .chain(
                                                                    () ->
                                                                            blobs
                                                                                    .deleteInCurrentTransaction(
                                                                                            List.of(
                                                                                                    oldBlob)))
                                                            .map(
                                                                    ignored ->
                                                                            views.of(
                                                                                    element,
                                                                                    instance.appId,
                                                                                    instance.partyId));
                                                }));
    }

    @WithTransaction
    public Uni<DataElementView> delete(
            Caller caller, long partyId, UUID instanceGuid, UUID dataGuid, String ifMatch) {
        return writableInstance(caller, partyId, instanceGuid, ifMatch)
                .chain(
                        instance ->
                                writableElement(instance, dataGuid)
                                        .chain(
                                                element -> {
                                                    instance.touch(time.now(), caller.actorId());
                                                    var view =
                                                            views.of(
                                                                    element,
                                                                    instance.appId,
                                                                    instance.partyId);
                                                    return elements.delete(element)
                                                            .chain(() -> elements.flush())
                                                            .chain(
                                                                    () ->
                                                                            blobs
                                                                                    .deleteInCurrentTransaction(
                                                                                            List.of(
                                                                                                    element.blobId)))
                                                            .replaceWith(view);
                                                }));
    }

    /** What to send for a content download, after the read check. */
    @WithSession
    public Uni<Download> download(
            Caller caller, long partyId, UUID instanceGuid, UUID dataGuid, String rangeHeader) {
        return readableInstance(caller, partyId, instanceGuid)
                .chain(instance -> element(instance, dataGuid))
                .map(
                        element -> {
                            var range = ByteRange.parse(rangeHeader, element.size);
                            return new Download(
                                    element.blobId,
                                    element.contentType,
                                    element.filename,
                                    "\"" + element.contentHash + "\"",
                                    element.size,
                                    range.orElse(new ByteRange(0, element.size)),
                                    range.isPresent());
                        });
    }

    /** Abandons the content of a write that did not go through. */
    public Uni<Void> discard(BlobInfo blob) {
        return blobs.discardPending(List.of(blob.id()));
    }

    private Uni<InstanceEntity> readableInstance(Caller caller, long partyId, UUID instanceGuid) {
        return instanceService.visibleInstance(caller, partyId, instanceGuid);
    }

    private Uni<InstanceEntity> writableInstance(
            Caller caller, long partyId, UUID instanceGuid, String ifMatch) {
        return instanceService
                .changeableInstance(caller, partyId, instanceGuid, ifMatch)
                .invoke(InstanceWriteRules::requireWritable);
    }

    private Uni<DataElementEntity> element(InstanceEntity instance, UUID dataGuid) {
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

    private Uni<DataElementEntity> writableElement(InstanceEntity instance, UUID dataGuid) {
        return element(instance, dataGuid)
                .invoke(
                        element -> {
                            InstanceWriteRules.requireUnlocked(element);
                            DataTypeRules.requireCurrentTask(
                                    dataTypeOf(element), instance.currentTask);
                        });
    }

    private DataType dataTypeOf(DataElementEntity element) {
        return DataTypeRules.requireDataType(
                app.metadata(), element.dataType, "Data type '" + element.dataType + "'");
    }

    private Uni<Void> requireRoomFor(InstanceEntity instance, DataType type) {
        DataTypeRules.requireCurrentTask(type, instance.currentTask);
        return elements.count("instanceId = ?1 and dataType = ?2", instance.id, type.id)
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

    private Uni<Integer> nextPosition(UUID instanceId) {
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                "select coalesce(max(position), -1) + 1 from data_element"
                                                        + " where instance_id = ?1",
                                                Integer.class)
                                        .setParameter(1, instanceId)
                                        .getSingleResult());
    }

    private Uni<DataElementView> persistNew(
            InstanceEntity instance, int position, StoredPart part, Instant now, Caller caller) {
        return dataElements
                .attach(instance.id, position, List.of(part), now, caller.actorId())
                .map(created -> views.of(created.get(0), instance.appId, instance.partyId));
    }
}
