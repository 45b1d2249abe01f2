package dev.appinstances.bench.baseline;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * GET instance and JSON create on the bare framework: the SQL of bench/pgbench (see {@link
 * BenchSql}), the rows as JSON. Under /plain without authentication; under /jwt the same after
 * verifying an RS256 bearer token (smallrye-jwt, configured as the service) and checking that its
 * urn:altinn:partyid is the party of the request.
 */
@ApplicationScoped
@Startup
public class BaselineResource {

  private final Pool pool;
  private final BenchSql get;
  private final BenchSql post;

  @Inject
  public BaselineResource(Pool pool, @ConfigProperty(name = "baseline.sql-dir") String sqlDir) {
    this.pool = pool;
    this.get = BenchSql.load(Paths.get(sqlDir, "get.sql"));
    this.post = BenchSql.load(Paths.get(sqlDir, "post.sql"));
    Log.infof(
        "baseline SQL from %s: GET %s then in a transaction %s; POST %s then in a transaction %s",
        sqlDir, get.autocommit, get.statements, post.autocommit, post.statements);
  }

  Uni<RestResponse<String>> read(long partyId, UUID id) {
    return execute(get, partyId, id)
        .map(
            results -> {
              RowSet<Row> first = results.get(0);
              if (first.size() == 0) {
                return RestResponse.<String>notFound();
              }
              JsonObject body = first.iterator().next().toJson();
              for (int i = 1; i < results.size(); i++) {
                body.put("result" + (i + 1), rows(results.get(i)));
              }
              return RestResponse.ok(body.encode());
            });
  }

  Uni<RestResponse<String>> create(long partyId, String template) {
    JsonObject parsed = template == null || template.isBlank() ? new JsonObject() : new JsonObject(template);
    return execute(post, partyId, null).map(
        results -> {
          JsonObject body = new JsonObject().put("instanceOwnerPartyId", String.valueOf(partyId));
          body.put("template", parsed);
          for (int i = 0; i < results.size(); i++) {
            body.put("result" + (i + 1), rows(results.get(i)));
          }
          return RestResponse.status(RestResponse.Status.CREATED, body.encode());
        });
  }

  /**
   * One script on one pooled connection, as pgbench runs it on its connection: the statements
   * before BEGIN in autocommit, then BEGIN, the rest, COMMIT (ROLLBACK on failure). :r is drawn
   * once per request and bound as text wherever it appears, as pgbench sends its variables.
   */
  private Uni<List<RowSet<Row>>> execute(BenchSql sql, long partyId, UUID id) {
    String r = sql.randomRange == null ? null : String.valueOf(sql.random());
    return pool.withConnection(
        conn -> {
          List<RowSet<Row>> results = new ArrayList<>(sql.autocommit.size() + sql.statements.size());
          Uni<Void> auto = run(conn, sql.autocommit, partyId, id, r, results);
          if (!sql.transaction) {
            return auto.replaceWith(results);
          }
          return auto.chain(conn::begin)
              .chain(
                  tx ->
                      run(conn, sql.statements, partyId, id, r, results)
                          .chain(tx::commit)
                          .onFailure()
                          .call(() -> tx.rollback().onFailure().recoverWithNull()))
              .replaceWith(results);
        });
  }

  private static Uni<Void> run(
      SqlConnection conn,
      List<BenchSql.Statement> statements,
      long partyId,
      UUID id,
      String random,
      List<RowSet<Row>> results) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (BenchSql.Statement st : statements) {
      Tuple args = Tuple.tuple();
      for (BenchSql.Param p : st.params()) {
        switch (p) {
          case INSTANCE_ID -> args.addValue(id);
          case PARTY_ID -> args.addValue(partyId);
          case RANDOM -> args.addValue(random);
        }
      }
      chain = chain.chain(() -> conn.preparedQuery(st.sql()).execute(args)).invoke(results::add).replaceWithVoid();
    }
    return chain;
  }

  private static JsonArray rows(RowSet<Row> rs) {
    JsonArray a = new JsonArray();
    for (Row r : rs) {
      a.add(r.toJson());
    }
    return a;
  }

  @Path("/plain/{org}/{app}/instances")
  public static class Plain {
    @Inject BaselineResource baseline;

    @GET
    @Path("{partyId}/{guid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<String>> get(@PathParam("partyId") long partyId, @PathParam("guid") UUID guid) {
      return baseline.read(partyId, guid);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<String>> create(@QueryParam("instanceOwnerPartyId") long partyId, String body) {
      return baseline.create(partyId, body);
    }
  }

  @Path("/jwt/{org}/{app}/instances")
  @Authenticated
  public static class Jwt {
    @Inject BaselineResource baseline;
    @Inject JsonWebToken token;

    private boolean ownParty(long partyId) {
      Object claim = token.getClaim("urn:altinn:partyid");
      return claim != null && String.valueOf(partyId).equals(claim.toString());
    }

    @GET
    @Path("{partyId}/{guid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<String>> get(@PathParam("partyId") long partyId, @PathParam("guid") UUID guid) {
      if (!ownParty(partyId)) {
        return Uni.createFrom().item(RestResponse.status(RestResponse.Status.FORBIDDEN));
      }
      return baseline.read(partyId, guid);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<String>> create(@QueryParam("instanceOwnerPartyId") long partyId, String body) {
      if (!ownParty(partyId)) {
        return Uni.createFrom().item(RestResponse.status(RestResponse.Status.FORBIDDEN));
      }
      return baseline.create(partyId, body);
    }
  }

  @Path("/ready")
  public static class Ready {
    @Inject Pool pool;

    @GET
    public Uni<String> ready() {
      return pool.query("select 1").execute().replaceWith("ok");
    }
  }
}
