package dev.appinstances.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryLinksTest {

    final QueryLinks links = new QueryLinks("https://ttd.apps.example.no/");

    @Test
    void selfIsTheRequestAsSent() {
        assertThat(links.self(null))
                .isEqualTo("https://ttd.apps.example.no/storage/api/v1/instances");
        assertThat(links.self("lastChanged=gt%3A2024-01-01T00%3A00%3A00Z&size=5"))
                .isEqualTo(
                        "https://ttd.apps.example.no/storage/api/v1/instances"
                                + "?lastChanged=gt%3A2024-01-01T00%3A00%3A00Z&size=5");
    }

    @Test
    void nextReplacesOnlyTheToken() {
        assertThat(links.next("size=5&continuationToken=old&org=ttd", "new-token_1"))
                .isEqualTo(
                        "https://ttd.apps.example.no/storage/api/v1/instances"
                                + "?size=5&org=ttd&continuationToken=new-token_1");
        assertThat(links.next("continuation%54oken=old", "t"))
                .endsWith("/storage/api/v1/instances?continuationToken=t");
        assertThat(links.next(null, "t")).endsWith("/storage/api/v1/instances?continuationToken=t");
        // the parser reads the name in any case, so next drops it in any case
        assertThat(links.next("size=5&ContinuationToken=old&CONTINUATIONTOKEN=older", "t"))
                .endsWith("/storage/api/v1/instances?size=5&continuationToken=t");
    }
}
