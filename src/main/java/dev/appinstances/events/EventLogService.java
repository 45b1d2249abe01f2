package dev.appinstances.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appinstances.app.AppSettings;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEventEntity;
import dev.appinstances.instance.InstanceEventRepository;
import dev.appinstances.instance.StorageDocuments;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.InstanceEventNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading an instance's event log: whoever may read the instance may read its events (the app owner
 * with the read scope, the owner and those who may act for the party); a page at a time,
 * keyset-paged on (created, seq) with signed continuation tokens.
 */
@ApplicationScoped
public class EventLogService {

    /** Where the listing is served, and how it answers a request that does not say. */
    public enum Listing {
        /**
         * Storage's path: Storage's order (oldest first), and as many events as a page may hold.
         */
        STORAGE(true),
        /** The App path (ours): newest first, pages of the default size. */
        APP(false);

        private final boolean ascending;

        Listing(boolean ascending) {
            this.ascending = ascending;
        }
    }

    private final InstanceAccess instances;
    private final InstanceEventRepository events;
    private final StorageDocuments documents;
    private final EventLogTokens tokens;
    private final Transactions transactions;
    private final EventLogSettings settings;
    private final String base;

    public EventLogService(
            InstanceAccess instances,
            InstanceEventRepository events,
            StorageDocuments documents,
            EventLogTokens tokens,
            Transactions transactions,
            EventLogSettings settings,
            AppSettings app) {
        this.instances = instances;
        this.events = events;
        this.documents = documents;
        this.tokens = tokens;
        this.transactions = transactions;
        this.settings = settings;
        String url = app.publicBaseUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * One page of the instance's events. {@code rawPath} and {@code rawQuery} are the request's, as
     * sent, for the {@code self} and {@code next} links.
     */
    public Uni<ObjectNode> list(
            Caller caller,
            InstanceRef ref,
            Listing listing,
            Map<String, List<String>> parameters,
            String rawPath,
            String rawQuery) {
        int defaultSize = listing == Listing.STORAGE ? settings.maxSize() : settings.defaultSize();
        EventLogQuery query =
                new EventLogQueryParser(defaultSize, settings.maxSize(), listing.ascending)
                        .parse(parameters);
        String fingerprint = query.fingerprint(ref.toString());
        EventLogTokens.Position after =
                query.continuationToken() == null
                        ? null
                        : tokens.verify(query.continuationToken(), fingerprint);
        EventLogLinks links = new EventLogLinks(base + rawPath, rawQuery);
        return transactions.read(
                () ->
                        instances
                                .visible(caller, ref)
                                .chain(
                                        instance ->
                                                events.page(page(instance, query, after))
                                                        .map(
                                                                rows ->
                                                                        page(
                                                                                instance,
                                                                                query,
                                                                                rows,
                                                                                links,
                                                                                fingerprint))));
    }

    /** One event of the instance; 404 when the instance has none with that id. */
    public Uni<ObjectNode> get(Caller caller, InstanceRef ref, UUID eventId) {
        return transactions.read(
                () ->
                        instances
                                .visible(caller, ref)
                                .chain(
                                        instance ->
                                                events.inInstance(instance.id, eventId)
                                                        .map(
                                                                event -> {
                                                                    if (event == null) {
                                                                        throw new InstanceEventNotFoundException(
                                                                                "Instance "
                                                                                        + ref
                                                                                        + " has no event "
                                                                                        + eventId);
                                                                    }
                                                                    return documents.tree(
                                                                            InstanceEventView.of(
                                                                                    event,
                                                                                    instance));
                                                                })));
    }

    /** One more row than the page holds: whether there is a next page. */
    private static InstanceEventRepository.Page page(
            InstanceEntity instance, EventLogQuery query, EventLogTokens.Position after) {
        return new InstanceEventRepository.Page(
                instance.id,
                query.types(),
                query.from(),
                query.to(),
                query.ascending(),
                after == null ? null : after.created(),
                after == null ? null : after.seq(),
                query.size() + 1);
    }

    private ObjectNode page(
            InstanceEntity instance,
            EventLogQuery query,
            List<InstanceEventEntity> rows,
            EventLogLinks links,
            String fingerprint) {
        boolean more = rows.size() > query.size();
        List<InstanceEventEntity> shown = more ? rows.subList(0, query.size()) : rows;
        String next = null;
        if (more) {
            InstanceEventEntity last = shown.get(shown.size() - 1);
            next =
                    links.next(
                            tokens.sign(
                                    new EventLogTokens.Position(last.created, last.seq),
                                    fingerprint));
        }
        return documents.tree(
                new EventLogPage(
                        shown.size(),
                        links.self(),
                        next,
                        shown.stream().map(e -> InstanceEventView.of(e, instance)).toList()));
    }
}
