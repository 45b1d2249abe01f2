package dev.appinstances.register;

/** Altinn's party types; the API writes them as numbers, the register seed as names. */
public enum PartyType {
    PERSON(1, "Person"),
    ORGANISATION(2, "Organisation"),
    SELF_IDENTIFIED(3, "SelfIdentified");

    private final int code;
    private final String altinnName;

    PartyType(int code, String altinnName) {
        this.code = code;
        this.altinnName = altinnName;
    }

    public int code() {
        return code;
    }

    public String altinnName() {
        return altinnName;
    }

    public static PartyType fromAltinnName(String name) {
        for (PartyType type : values()) {
            if (type.altinnName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown partyTypeName " + name);
    }
}
