package dev.appinstances.instance;

import dev.appinstances.app.AppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Builds DataElement documents; links follow the instance's, as in Altinn. */
@ApplicationScoped
public class DataElementViews {

    private final String baseUrl;

    public DataElementViews(AppSettings settings) {
        String url = settings.publicBaseUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public DataElementView of(DataElementEntity element, InstanceEntity instance) {
        return of(element, instance.appId, instance.partyId);
    }

    public DataElementView of(DataElementEntity element, String appId, long partyId) {
        String instancePath = partyId + "/" + element.instanceId;
        String dataPath = "/data/" + element.id;
        return new DataElementView(
                element.id.toString(),
                element.instanceId.toString(),
                element.dataType,
                element.filename,
                element.contentType,
                appId + "/" + element.instanceId + dataPath,
                new DataElementView.Links(
                        baseUrl + "/" + appId + "/instances/" + instancePath + dataPath,
                        baseUrl + "/storage/api/v1/instances/" + instancePath + dataPath),
                element.size,
                element.contentHash,
                element.locked,
                null,
                element.isRead,
                List.of(element.tags),
                element.metadataEntries(),
                null,
                null,
                element.fileScanResult,
                null,
                element.created,
                element.createdBy,
                element.lastChanged,
                element.lastChangedBy);
    }
}
