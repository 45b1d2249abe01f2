package dev.appinstances.data;

import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.common.TimeSource;
import dev.appinstances.http.RequestBody;
import dev.appinstances.instance.DataElementEntity;
import dev.appinstances.instance.DataElementViews;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.persistence.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Tags and user-defined metadata of a data element. Reading needs what reading the element does; a
 * change needs what changing its content does (rights, If-Match, instance not archived or deleted,
 * element not locked, its type's task current, {@code actionRequiredToWrite}). A change that
 * changes something bumps the element's and the instance's {@code lastChanged} and version, so two
 * concurrent changes cannot both commit; as in Altinn, no instance event is written.
 */
@ApplicationScoped
public class ElementMetadataService {

    /** What a POST of a tag answers: the tags and the URL to read them at. */
    public record AddedTag(TagsList tags, String location) {}

    private final InstanceAccess instances;
    private final DataElementChecks checks;
    private final DataElementViews views;
    private final Transactions transactions;
    private final TimeSource time;
    private final ElementMetadataBodies bodies;
    private final ElementMetadataRules rules;

    @SuppressWarnings("java:S107") // constructor injection
    public ElementMetadataService(
            InstanceAccess instances,
            DataElementChecks checks,
            DataElementViews views,
            Transactions transactions,
            TimeSource time,
            ElementMetadataBodies bodies,
            ElementMetadataLimits limits) {
        this.instances = instances;
        this.checks = checks;
        this.views = views;
        this.transactions = transactions;
        this.time = time;
        this.bodies = bodies;
        this.rules = new ElementMetadataRules(limits);
    }

    public Uni<TagsList> tags(Caller caller, InstanceRef ref, UUID dataGuid) {
        return read(caller, ref, dataGuid).map(element -> TagsList.of(List.of(element.tags)));
    }

    /** Adds one tag (the body, a JSON string); one already there changes nothing. */
    public Uni<AddedTag> addTag(
            Caller caller, InstanceRef ref, UUID dataGuid, RequestBody body, String ifMatch) {
        return bodies.tag(body)
                .map(rules::requireTag)
                .chain(
                        tag ->
                                change(
                                        caller,
                                        ref,
                                        dataGuid,
                                        ifMatch,
                                        (instance, element) -> {
                                            setTags(
                                                    instance,
                                                    element,
                                                    rules.adding(element.tags, tag),
                                                    caller);
                                            return new AddedTag(
                                                    TagsList.of(List.of(element.tags)),
                                                    views.of(element, instance).selfLinks().apps()
                                                            + "/tags");
                                        }));
    }

    /** Removes the tag; one that is not there changes nothing. */
    public Uni<Void> removeTag(
            Caller caller, InstanceRef ref, UUID dataGuid, String tag, String ifMatch) {
        return change(
                caller,
                ref,
                dataGuid,
                ifMatch,
                (instance, element) -> {
                    setTags(
                            instance,
                            element,
                            ElementMetadataRules.removing(element.tags, tag),
                            caller);
                    return null;
                });
    }

    /** Replaces the tags with the body's {@code tags}, without duplicates. */
    public Uni<TagsList> replaceTags(
            Caller caller,
            InstanceRef ref,
            UUID dataGuid,
            RequestBody body,
            String ifMatch,
            boolean validation) {
        return bodies.tags(body)
                .map(rules::replacing)
                .chain(
                        tags ->
                                change(
                                        caller,
                                        ref,
                                        dataGuid,
                                        ifMatch,
                                        (instance, element) -> {
                                            setTags(instance, element, tags, caller);
                                            return new TagsList(
                                                    tags, validation ? List.of() : null);
                                        }));
    }

    /** The user-defined metadata; {@code []} also when it was never set. */
    public Uni<UserDefinedMetadataList> metadata(Caller caller, InstanceRef ref, UUID dataGuid) {
        return read(caller, ref, dataGuid)
                .map(
                        element ->
                                new UserDefinedMetadataList(
                                        element.metadataEntries() == null
                                                ? List.of()
                                                : element.metadataEntries()));
    }

    /** Replaces the user-defined metadata with the body's list. */
    public Uni<UserDefinedMetadataList> replaceMetadata(
            Caller caller, InstanceRef ref, UUID dataGuid, RequestBody body, String ifMatch) {
        return bodies.metadata(body)
                .map(rules::requireEntries)
                .chain(
                        entries ->
                                change(
                                        caller,
                                        ref,
                                        dataGuid,
                                        ifMatch,
                                        (instance, element) -> {
                                            ElementMetadataRules.requireAllowedKeys(
                                                    checks.dataTypeOf(element), entries);
                                            if (!entries.equals(element.metadataEntries())) {
                                                element.setMetadataEntries(entries);
                                                touch(instance, element, caller);
                                            }
                                            return new UserDefinedMetadataList(entries);
                                        }));
    }

    private Uni<DataElementEntity> read(Caller caller, InstanceRef ref, UUID dataGuid) {
        return transactions.read(
                () ->
                        instances
                                .visible(caller, ref)
                                .chain(
                                        instance ->
                                                checks.readableElement(
                                                        caller, instance, dataGuid)));
    }

    private <T> Uni<T> change(
            Caller caller,
            InstanceRef ref,
            UUID dataGuid,
            String ifMatch,
            BiFunction<InstanceEntity, DataElementEntity, T> edit) {
        return transactions.change(
                () ->
                        instances
                                .writable(caller, ref, ifMatch)
                                .chain(
                                        instance ->
                                                checks.writableElement(caller, instance, dataGuid)
                                                        .map(
                                                                element ->
                                                                        edit.apply(
                                                                                instance,
                                                                                element))));
    }

    private void setTags(
            InstanceEntity instance, DataElementEntity element, List<String> tags, Caller caller) {
        if (!Objects.equals(List.of(element.tags), tags)) {
            element.tags = tags.toArray(String[]::new);
            touch(instance, element, caller);
        }
    }

    private void touch(InstanceEntity instance, DataElementEntity element, Caller caller) {
        Instant now = time.now();
        element.touch(now, caller.actorId());
        instance.touch(now, caller.actorId());
    }
}
