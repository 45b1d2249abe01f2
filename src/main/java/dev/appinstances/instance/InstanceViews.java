package dev.appinstances.instance;

import dev.appinstances.app.AppSettings;
import dev.appinstances.auth.Caller;
import dev.appinstances.instance.InstanceView.OwnerView;
import dev.appinstances.instance.InstanceView.PartyView;
import dev.appinstances.instance.InstanceView.ResourceLinks;
import dev.appinstances.instance.InstanceView.StatusView;
import dev.appinstances.process.ProcessState;
import dev.appinstances.register.Party;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Builds the API document of an instance from its row and its owner's party. */
@ApplicationScoped
public class InstanceViews {

    private final String baseUrl;
    private final DataElementViews elementViews;
    private final AppProcessStates processStates;

    public InstanceViews(
            AppSettings settings, DataElementViews elementViews, AppProcessStates processStates) {
        this.baseUrl = stripTrailingSlash(settings.publicBaseUrl());
        this.elementViews = elementViews;
        this.processStates = processStates;
    }

    /**
     * The document as the App API answers it to this caller: its {@code process} is the
     * AppProcessState, with the tasks and what the caller may do in the current one.
     */
    public InstanceView forCaller(InstanceView document, Caller caller) {
        return document.process() instanceof ProcessState stored
                ? document.withProcess(processStates.of(stored, caller))
                : document;
    }

    public InstanceView of(
            InstanceEntity instance,
            Party owner,
            List<DataElementEntity> elements,
            List<CompleteConfirmation> confirmations) {
        String id = instance.partyId + "/" + instance.id;
        return new InstanceView(
                id,
                owner(instance.instanceOwner, owner),
                instance.appId,
                instance.org,
                links(instance.appId, id),
                instance.dueBefore,
                instance.visibleAfter,
                instance.process,
                status(instance),
                confirmations,
                elements.stream()
                        .map(e -> elementViews.of(e, instance.appId, instance.partyId))
                        .toList(),
                instance.presentationTexts,
                instance.dataValues,
                instance.created,
                instance.createdBy,
                instance.lastChanged,
                instance.lastChangedBy);
    }

    /** {@code selfLinks.apps}, which is also the {@code Location} of a created instance. */
    public String appsLink(String appId, String instanceId) {
        return baseUrl + "/" + appId + "/instances/" + instanceId;
    }

    private ResourceLinks links(String appId, String instanceId) {
        return new ResourceLinks(
                appsLink(appId, instanceId), baseUrl + "/storage/api/v1/instances/" + instanceId);
    }

    private static OwnerView owner(InstanceOwner stored, Party party) {
        return new OwnerView(
                stored.partyId(),
                stored.personNumber(),
                stored.organisationNumber(),
                stored.username(),
                stored.externalIdentifier(),
                PartyView.of(party));
    }

    private static StatusView status(InstanceEntity instance) {
        return new StatusView(
                instance.archived != null,
                instance.archived,
                instance.softDeleted != null,
                instance.softDeleted,
                instance.hardDeleted != null,
                instance.hardDeleted,
                instance.readStatus,
                instance.substatus);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
