package dev.appinstances.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformUserTest {

    @Test
    void thePerformerIsThePersonNumberElseTheOrganisationNumberElseTheOrgCode() {
        assertThat(new PlatformUser(1337L, null, 2, "12247918309", null).performer())
                .isEqualTo("12247918309");
        assertThat(new PlatformUser(1341L, null, 2, null, null).performer()).isEmpty();
        assertThat(new PlatformUser(null, "ttd", 3, null, null).performer()).isEqualTo("ttd");
        assertThat(new PlatformUser(null, "skd", 3, null, "974761076").performer())
                .isEqualTo("974761076");
        assertThat(new PlatformUser(null, null, 0, "", "").performer()).isEmpty();
    }
}
