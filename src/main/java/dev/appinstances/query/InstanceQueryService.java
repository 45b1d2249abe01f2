package dev.appinstances.query;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.instance.InstanceDocuments;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceView;
import dev.appinstances.instance.StoredInstance;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.InvalidQueryParameterException;
import dev.appinstances.problem.ScopeRequiredException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /storage/api/v1/instances}: the rules, independent of HTTP.
 *
 * <p>The app owner with scope {@value #READ_SCOPE} lists every instance of the app, naming the app
 * ({@code appId}) or its {@code org} as Storage requires; anyone else must name an {@code
 * instanceOwner.partyId} they may act for and never sees hard-deleted instances. A page is one
 * statement of hand-written SQL: the instances (one more than the page size, to know whether there
 * is a next page), each with its owner party, data elements and confirmations.
 */
@ApplicationScoped
public class InstanceQueryService {

    public static final String READ_SCOPE = AccessControl.READ_SCOPE;

    private final AccessControl access;
    private final AppDefinition app;
    private final ContinuationTokens tokens;
    private final InstanceDocuments documents;
    private final QueryLinks links;
    private final QueryStore store;
    private final Transactions transactions;
    private final InstanceQueryParser parser;

    @SuppressWarnings("java:S107") // constructor injection
    public InstanceQueryService(
            AccessControl access,
            AppDefinition app,
            ContinuationTokens tokens,
            InstanceDocuments documents,
            QueryLinks links,
            QueryStore store,
            Transactions transactions,
            QuerySettings settings) {
        this.store = store;
        this.transactions = transactions;
        this.access = access;
        this.app = app;
        this.tokens = tokens;
        this.documents = documents;
        this.links = links;
        this.parser = new InstanceQueryParser(settings.defaultSize(), settings.maxSize());
    }

    /**
     * @param parameters the decoded query parameters
     * @param rawQuery the query string as sent (still encoded), for {@code self} and {@code next}
     */
    public Uni<QueryPage> query(
            Caller caller, Map<String, List<String>> parameters, String rawQuery) {
        return transactions.read(() -> answer(caller, parameters, rawQuery));
    }

    private Uni<QueryPage> answer(
            Caller caller, Map<String, List<String>> parameters, String rawQuery) {
        access.requireAuthenticationLevel(caller);
        InstanceQuery query = parser.parse(parameters);
        return authorize(caller, query)
                .chain(
                        () -> {
                            String fingerprint = query.fingerprint();
                            ContinuationToken after =
                                    query.continuationToken() == null
                                            ? null
                                            : tokens.verify(query.continuationToken(), fingerprint);
                            if (matchesNothing(caller, query)) {
                                return Uni.createFrom()
                                        .item(
                                                new QueryPage(
                                                        0, links.self(rawQuery), null, List.of()));
                            }
                            return page(caller, query, after, fingerprint, rawQuery);
                        });
    }

    private Uni<Void> authorize(Caller caller, InstanceQuery query) {
        if (caller.isAppOwner()) {
            if (!caller.scopes().contains(READ_SCOPE)) {
                throw new ScopeRequiredException(
                        "Querying the instances of " + app.appId() + " needs scope " + READ_SCOPE);
            }
            if (query.appId() == null && query.org() == null) {
                // Storage's check and text, after its scope check
                throw new InvalidQueryParameterException(
                        InstanceQueryParser.APP_ID,
                        "Org or AppId must be defined. The app owner's query needs appId ("
                                + app.appId()
                                + ") or org ("
                                + app.org()
                                + ")");
            }
            return Uni.createFrom().voidItem();
        }
        if (query.partyId() == null) {
            throw new InvalidQueryParameterException(
                    InstanceQueryParser.PARTY_ID,
                    "Query parameter "
                            + InstanceQueryParser.PARTY_ID
                            + " is required unless the caller is the app owner");
        }
        return access.requireActFor(caller, query.partyId());
    }

    /**
     * This deployment serves one app: another appId or org matches no instance here. A caller who
     * never sees hard-deleted instances asking for only those gets nothing either.
     */
    private boolean matchesNothing(Caller caller, InstanceQuery query) {
        return (query.appId() != null && !query.appId().equals(app.appId()))
                || (query.org() != null && !query.org().equals(app.org()))
                || (!caller.isAppOwner() && Boolean.TRUE.equals(query.isHardDeleted()));
    }

    private Uni<QueryPage> page(
            Caller caller,
            InstanceQuery query,
            ContinuationToken after,
            String fingerprint,
            String rawQuery) {
        QuerySql.Scope scope = new QuerySql.Scope(app.appId(), app.org(), !caller.isAppOwner());
        QuerySql.Statement statement = QuerySql.page(query, scope, after, query.size() + 1);
        return store.rows(statement)
                .map(
                        rows -> {
                            boolean more = rows.size() > query.size();
                            List<StoredInstance> page = more ? rows.subList(0, query.size()) : rows;
                            String next = null;
                            if (more) {
                                InstanceEntity last = page.get(page.size() - 1).instance();
                                next =
                                        links.next(
                                                rawQuery,
                                                tokens.sign(
                                                        new ContinuationToken(
                                                                last.lastChanged, last.id),
                                                        fingerprint));
                            }
                            List<InstanceView> views = page.stream().map(documents::of).toList();
                            return new QueryPage(views.size(), links.self(rawQuery), next, views);
                        });
    }
}
