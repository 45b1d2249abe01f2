package dev.appinstances.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void theReactiveUrlsDatabaseBecomesFlywaysJdbcUrl() {
        assertThat(JdbcUrls.fromReactive("postgresql://db:5432/instances").orElseThrow().jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/instances");
        assertThat(
                        JdbcUrls.fromReactive(
                                        "vertx-reactive:postgresql://db/instances?sslmode=require")
                                .orElseThrow()
                                .jdbcUrl())
                .isEqualTo("jdbc:postgresql://db/instances?sslmode=require");
    }

    @Test
    void credentialsInTheUrlAreTakenApart() {
        var derived = JdbcUrls.fromReactive("postgresql://app:s3cret@db:5432/app").orElseThrow();
        assertThat(derived.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(derived.username()).contains("app");
        assertThat(derived.password()).contains("s3cret");
    }

    @Test
    void otherUrlsAreLeftAlone() {
        assertThat(JdbcUrls.fromReactive("mysql://db/x")).isEmpty();
        assertThat(JdbcUrls.fromReactive("postgresql://")).isEmpty();
    }
}
