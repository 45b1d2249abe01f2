package dev.appinstances.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of an instance's events: Storage's InstanceEventList ({@code instanceEvents}) with the
 * paging of the instance query.
 *
 * @param self this page: the request's own URL
 * @param next the next page (the same listing with a continuationToken), null on the last page
 */
@RegisterForReflection
@Schema(name = "InstanceEventList")
public record EventLogPage(
        int count,
        String self,
        @JsonInclude(JsonInclude.Include.ALWAYS) String next,
        List<InstanceEventView> instanceEvents) {}
