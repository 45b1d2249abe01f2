package dev.appinstances.query;

import dev.appinstances.instance.InstanceView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the instance query (Altinn's QueryResponse).
 *
 * @param self this page: the request's own URL
 * @param next the next page (the same query with a new continuationToken), null on the last page
 */
@Schema(name = "InstanceQueryPage")
public record QueryPage(int count, String self, String next, List<InstanceView> instances) {}
