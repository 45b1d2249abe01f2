package dev.appinstances.events;

/** What the event listing's query parameters mean, for both paths' API documentation. */
final class EventLogParameters {

    static final String EVENT_TYPES =
            "Only events of these types (exact, case-sensitive names of Altinn's"
                    + " InstanceEventType). Repeat the parameter, or separate names with commas."
                    + " A name Altinn does not have is 400.";
    static final String FROM =
            "Only events created at or after this ISO-8601 date-time with a zone (a + in an offset"
                    + " sent as %2B). Applies alone or with to.";
    static final String TO =
            "Only events created at or before this ISO-8601 date-time with a zone. Applies alone or"
                    + " with from.";
    static final String SIZE =
            "The page size: 1 to events.max-size (1000 unless configured); next links to the rest";
    static final String TOKEN =
            "The page after the previous one: the opaque, signed token of next. It is bound to the"
                    + " instance, types, bounds and order it was issued for; otherwise, or altered,"
                    + " 400 invalid-continuation-token.";

    private EventLogParameters() {}
}
