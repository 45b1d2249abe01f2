package dev.appinstances.testsupport;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fresh register rows for one test: each call makes a party (and, if asked, its user) that no other
 * test knows, so that a test can count and list what belongs to it alone, whatever ran before it.
 *
 * <p>Ids come from the sequence {@code test_parties_seq}, which starts at {@link #FIRST_ID}, well
 * above every id of {@code test-register-seed.json}: rows with an id below it are the seed's. Party
 * ids and user ids share the sequence, so a user id is never a seed user's either.
 */
@ApplicationScoped
public class TestParties {

    /** The first id handed out; the seed's ids are all below it. */
    public static final long FIRST_ID = 70_000_000L;

    /** A user made by {@link #user}: the token acts for the user's own party. */
    public record TestUser(long userId, long partyId, String username) {
        public String token() {
            return Tokens.user(userId, partyId);
        }

        public String token(int authLevel) {
            return Tokens.user(userId, partyId, authLevel);
        }
    }

    private final Database db;

    public TestParties(Database db) {
        this.db = db;
    }

    /** A new id, never handed out before in this database. */
    public long nextId() {
        db.execute(
                "create sequence if not exists test_parties_seq start with "
                        + FIRST_ID
                        + " minvalue "
                        + FIRST_ID);
        return db.count("select nextval('test_parties_seq')");
    }

    /** A person party with a national identity number of its own. */
    public long person() {
        long id = nextId();
        insert(id, "Person", "'" + ssn(id) + "'", "null", "null", "null", "Test Person " + id);
        return id;
    }

    /** An organisation party (unit type AS) with an organisation number of its own. */
    public long organisation() {
        long id = nextId();
        insert(
                id,
                "Organisation",
                "null",
                "'" + orgNumber(id) + "'",
                "'AS'",
                "null",
                "Test Organisation " + id + " AS");
        return id;
    }

    /** A self-identified party, known by its username {@code test.self.<partyId>}. */
    public long selfIdentified() {
        long id = nextId();
        String username = username(id);
        insert(id, "SelfIdentified", "null", "null", "null", "'" + username + "'", username);
        return id;
    }

    /** A person party and its user, whose username is {@code test.user.<userId>}. */
    public TestUser user() {
        return userOf(person(), null);
    }

    /** A user of an existing party (its own party); username {@code test.user.<userId>} if null. */
    public TestUser userOf(long partyId, String username) {
        long userId = nextId();
        String name = username == null ? "test.user." + userId : username;
        db.execute(
                "insert into app_user (user_id, party_id, username, name) values ("
                        + userId
                        + ", "
                        + partyId
                        + ", '"
                        + name
                        + "', '"
                        + name
                        + "')");
        return new TestUser(userId, partyId, name);
    }

    /** Lets the user act for the party with the roles (a JSON array, e.g. {@code ["DAGL"]}). */
    public void delegate(long userId, long partyId, String rolesJson) {
        db.execute(
                "insert into delegation (user_id, party_id, roles) values ("
                        + userId
                        + ", "
                        + partyId
                        + ", '"
                        + rolesJson
                        + "')");
    }

    /** The username of a party made by {@link #selfIdentified}. */
    public static String username(long selfIdentifiedPartyId) {
        return "test.self." + selfIdentifiedPartyId;
    }

    public static String ssn(long partyId) {
        return String.format("9%010d", partyId);
    }

    public static String orgNumber(long partyId) {
        return String.format("9%08d", partyId % 100_000_000L);
    }

    private void insert(
            long id,
            String type,
            String ssn,
            String orgNumber,
            String unitType,
            String username,
            String name) {
        db.execute(
                "insert into party (party_id, party_uuid, party_type, ssn, org_number, unit_type,"
                        + " username, name, is_deleted) values ("
                        + id
                        + ", gen_random_uuid(), '"
                        + type
                        + "', "
                        + ssn
                        + ", "
                        + orgNumber
                        + ", "
                        + unitType
                        + ", "
                        + username
                        + ", '"
                        + name
                        + "', false)");
    }
}
