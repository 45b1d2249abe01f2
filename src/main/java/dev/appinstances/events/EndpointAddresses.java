package dev.appinstances.events;

import dev.appinstances.instance.EventSettings;
import dev.appinstances.problem.EndpointNotAllowedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves an endpoint's host and refuses it when any of its addresses is not public (see {@link
 * EndpointPolicy}). Done when a subscription is made and again before every delivery, which then
 * connects to the address checked, so a name that later resolves elsewhere (DNS rebinding) reaches
 * nothing internal. The JDK resolver blocks: it runs on a worker thread.
 */
@ApplicationScoped
public class EndpointAddresses {

    private final boolean allowInsecure;

    public EndpointAddresses(EventSettings settings) {
        this.allowInsecure = settings.allowInsecureEndpoints();
    }

    /**
     * The address to connect to; null when insecure endpoints are allowed (the client resolves).
     */
    public Uni<InetAddress> resolve(String host) {
        if (allowInsecure) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom()
                .item(() -> checked(host))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static InetAddress checked(String host) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new EndpointNotAllowedException("endPoint host " + host + " does not resolve");
        }
        for (InetAddress address : all) {
            String refusal = EndpointPolicy.refusal(address);
            if (refusal != null) {
                throw new EndpointNotAllowedException(
                        "endPoint host "
                                + host
                                + " resolves to "
                                + address.getHostAddress()
                                + ", "
                                + refusal);
            }
        }
        return all[0];
    }
}
