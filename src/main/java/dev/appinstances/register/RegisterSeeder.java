package dev.appinstances.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.register.RegisterSeed.SeedDelegation;
import dev.appinstances.register.RegisterSeed.SeedParty;
import dev.appinstances.register.RegisterSeed.SeedUser;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Loads the register seed at startup. Upserts, in one transaction: a restart, or several replicas
 * starting together, neither duplicates nor fails.
 */
@ApplicationScoped
public class RegisterSeeder {

    private static final String UPSERT_PARTY =
            """
            insert into party (party_id, party_uuid, party_type, ssn, org_number, unit_type,
                               username, name, is_deleted)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (party_id) do update set party_uuid = excluded.party_uuid,
                party_type = excluded.party_type, ssn = excluded.ssn,
                org_number = excluded.org_number, unit_type = excluded.unit_type,
                username = excluded.username, name = excluded.name,
                is_deleted = excluded.is_deleted
            """;
    private static final String UPSERT_USER =
            """
            insert into app_user (user_id, party_id, username, name) values ($1, $2, $3, $4)
            on conflict (user_id) do update set party_id = excluded.party_id,
                username = excluded.username, name = excluded.name
            """;
    private static final String UPSERT_DELEGATION =
            """
            insert into delegation (user_id, party_id, roles) values ($1, $2, $3::jsonb)
            on conflict (user_id, party_id) do update set roles = excluded.roles
            """;

    private final Pool pool;
    private final ObjectMapper json;
    private final RegisterSettings settings;

    public RegisterSeeder(Pool pool, ObjectMapper json, RegisterSettings settings) {
        this.pool = pool;
        this.json = json;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        seed();
    }

    /** Upserts the seed; blocks, so it is for startup only. */
    public void seed() {
        RegisterSeed seed = readSeed();
        pool.withTransaction(connection -> write(connection, seed))
                .await()
                .atMost(Duration.ofMinutes(1));
        Log.infof(
                "Register seeded: %d parties, %d users, %d delegations",
                seed.parties().size(), seed.users().size(), seed.delegations().size());
    }

    private RegisterSeed readSeed() {
        try (InputStream in = openSeed()) {
            RegisterSeed seed = json.readValue(in, RegisterSeed.class);
            seed.parties().forEach(party -> PartyType.fromAltinnName(party.partyTypeName()));
            return seed;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Invalid register seed " + seedLocation() + ": " + e.getMessage(), e);
        }
    }

    private InputStream openSeed() throws IOException {
        if (settings.seedFile().isPresent()) {
            return Files.newInputStream(Path.of(settings.seedFile().get()));
        }
        InputStream bundled =
                Thread.currentThread()
                        .getContextClassLoader()
                        .getResourceAsStream("register-seed.json");
        if (bundled == null) {
            throw new UncheckedIOException(new IOException("bundled register-seed.json missing"));
        }
        return bundled;
    }

    private String seedLocation() {
        return settings.seedFile().orElse("classpath:register-seed.json");
    }

    private static Uni<Void> write(SqlConnection connection, RegisterSeed seed) {
        return batch(connection, UPSERT_PARTY, seed.parties(), RegisterSeeder::partyRow)
                .chain(() -> batch(connection, UPSERT_USER, seed.users(), RegisterSeeder::userRow))
                .chain(
                        () ->
                                batch(
                                        connection,
                                        UPSERT_DELEGATION,
                                        seed.delegations(),
                                        RegisterSeeder::delegationRow));
    }

    private static <T> Uni<Void> batch(
            SqlConnection connection, String sql, List<T> rows, Function<T, Tuple> toTuple) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(sql)
                .executeBatch(rows.stream().map(toTuple).toList())
                .replaceWithVoid();
    }

    private static Tuple partyRow(SeedParty p) {
        return Tuple.from(
                new Object[] {
                    p.partyId(),
                    p.partyUuid(),
                    PartyType.fromAltinnName(p.partyTypeName()).altinnName(),
                    blankToNull(p.ssn()),
                    blankToNull(p.orgNumber()),
                    blankToNull(p.unitType()),
                    blankToNull(p.username()),
                    p.name(),
                    p.isDeleted()
                });
    }

    private static Tuple userRow(SeedUser u) {
        return Tuple.of(u.userId(), u.partyId(), u.username(), u.name());
    }

    private static Tuple delegationRow(SeedDelegation d) {
        List<String> roles = d.roles() == null ? List.of() : d.roles();
        return Tuple.of(d.userId(), d.partyId(), new JsonArray(roles).encode());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
