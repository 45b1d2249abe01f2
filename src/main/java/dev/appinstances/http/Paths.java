package dev.appinstances.http;

/** Path templates shared by the resources, with the route constraints Altinn's API has. */
public final class Paths {

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** An integer party id; anything else is 404, as in Altinn. */
    public static final String PARTY_ID = "{instanceOwnerPartyId: [0-9]{1,18}}";

    public static final String INSTANCE_GUID = "{instanceGuid: " + UUID_PATTERN + "}";

    public static final String DATA_GUID = "{dataGuid: " + UUID_PATTERN + "}";

    public static final String EVENT_GUID = "{eventGuid: " + UUID_PATTERN + "}";

    public static final String INSTANCES = "/{org}/{app}/instances";

    /** {@code /{org}/{app}/instances/{partyId}/{guid}}. */
    public static final String INSTANCE = INSTANCES + "/" + PARTY_ID + "/" + INSTANCE_GUID;

    /** Altinn Storage's instances, where {@code selfLinks.platform} points. */
    public static final String STORAGE_INSTANCES = "/storage/api/v1/instances";

    /** {@code /storage/api/v1/instances/{partyId}/{guid}}. */
    public static final String STORAGE_INSTANCE =
            STORAGE_INSTANCES + "/" + PARTY_ID + "/" + INSTANCE_GUID;

    private Paths() {}
}
