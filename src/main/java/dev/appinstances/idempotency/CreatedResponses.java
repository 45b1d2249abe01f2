package dev.appinstances.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** The HTTP answer of a create: 201 with Location, or the first response again on a retry. */
public final class CreatedResponses {

    private CreatedResponses() {}

    public static RestResponse<Object> of(Created<?> created) {
        var response =
                RestResponse.ResponseBuilder.create(created.status())
                        .header(HttpHeaders.LOCATION, URI.create(created.location()));
        if (created.isReplay()) {
            return response.entity(created.replayedJson())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        return response.entity(created.document()).build();
    }
}
