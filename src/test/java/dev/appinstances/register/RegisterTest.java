package dev.appinstances.register;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.persistence.Transactions;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RegisterTest {

    /** Rows of test-register-seed.json: every id a test makes itself is from FIRST_ID on. */
    static final String SEEDED_PARTY = "party_id < " + TestParties.FIRST_ID;

    static final String SEEDED_USER = "user_id < " + TestParties.FIRST_ID;

    @Inject RegisterSeeder seeder;
    @Inject Register register;
    @Inject Database db;
    @Inject Transactions transactions;

    @Test
    void seedingAgainChangesNothingAndDoesNotFail() {
        String before = registerFingerprint();
        seeder.seed();
        seeder.seed();
        assertThat(registerFingerprint()).isEqualTo(before);
        assertThat(db.count("select count(*) from party where " + SEEDED_PARTY)).isEqualTo(9);
        assertThat(db.count("select count(*) from app_user where " + SEEDED_USER)).isEqualTo(3);
        assertThat(db.count("select count(*) from delegation where " + SEEDED_USER)).isEqualTo(1);
    }

    @Test
    @RunOnVertxContext
    void looksUpPartiesByEachIdentifier(UniAsserter asserter) {
        asserter.assertThat(
                () -> transactions.read(() -> register.partyById(50001337)),
                party -> {
                    assertThat(party.name()).isEqualTo("Sophie Salt");
                    assertThat(party.partyType()).isEqualTo(PartyType.PERSON);
                });
        asserter.assertThat(
                () -> transactions.read(() -> register.partyBySsn("12247918309")),
                party -> assertThat(party.partyId()).isEqualTo(50001337));
        asserter.assertThat(
                () -> transactions.read(() -> register.partyByOrgNumber("310000002")),
                party -> assertThat(party.isSubUnit()).isTrue());
        asserter.assertThat(
                () -> transactions.read(() -> register.partyByUsername("KARI.SELVSTENDIG")),
                party -> assertThat(party.partyType()).isEqualTo(PartyType.SELF_IDENTIFIED));
        asserter.assertThat(
                () -> transactions.read(() -> register.partyById(1)),
                party -> assertThat(party).isNull());
        asserter.assertThat(
                () -> transactions.read(() -> register.userById(1337)),
                user -> assertThat(user.partyId()).isEqualTo(50001337));
        asserter.assertThat(
                () -> transactions.read(() -> register.hasDelegation(1337, 50001338)),
                has -> assertThat(has).isTrue());
        asserter.assertThat(
                () -> transactions.read(() -> register.hasDelegation(1340, 50001338)),
                has -> assertThat(has).isFalse());
    }

    /**
     * The seed's rows only: other tests add parties and users of their own ({@link TestParties}).
     */
    private String registerFingerprint() {
        return db.count("select count(*) from party where " + SEEDED_PARTY)
                + "/"
                + db.count("select count(*) from app_user where " + SEEDED_USER)
                + "/"
                + db.count("select count(*) from delegation where " + SEEDED_USER)
                + "/"
                + db.count(
                        "select coalesce(sum(hashtext(p::text)), 0) from party p where "
                                + SEEDED_PARTY)
                + "/"
                + db.count(
                        "select coalesce(sum(hashtext(u::text)), 0) from app_user u where "
                                + SEEDED_USER)
                + "/"
                + db.count(
                        "select coalesce(sum(hashtext(d::text)), 0) from delegation d where "
                                + SEEDED_USER);
    }
}
