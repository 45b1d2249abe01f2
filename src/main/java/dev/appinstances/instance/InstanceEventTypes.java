package dev.appinstances.instance;

import java.util.List;
import java.util.Set;

/** The event types of the instance event log: Altinn Storage's InstanceEventType names. */
public final class InstanceEventTypes {

    public static final String CREATED = "Created";
    public static final String SAVED = "Saved";

    /** Spelled so in Altinn; written when the process reaches its end event. */
    public static final String SUBMITED = "Submited";

    public static final String DELETED = "Deleted";
    public static final String UNDELETED = "Undeleted";
    public static final String CONFIRMED_COMPLETE = "ConfirmedComplete";
    public static final String SUBSTATUS_UPDATED = "SubstatusUpdated";
    public static final String PROCESS_START_EVENT = "process_StartEvent";
    public static final String PROCESS_END_EVENT = "process_EndEvent";
    public static final String PROCESS_START_TASK = "process_StartTask";
    public static final String PROCESS_END_TASK = "process_EndTask";
    public static final String PROCESS_ABANDON_TASK = "process_AbandonTask";

    /** The events process/history is made of. */
    public static final List<String> PROCESS =
            List.of(
                    PROCESS_START_EVENT,
                    PROCESS_START_TASK,
                    PROCESS_END_TASK,
                    PROCESS_ABANDON_TASK,
                    PROCESS_END_EVENT);

    /**
     * Every name of Altinn's enum, including those this service never writes (signing, payment,
     * message box): a filter may name any of them, and matches nothing for those.
     */
    public static final Set<String> ALTINN =
            Set.of(
                    "None",
                    CREATED,
                    SAVED,
                    SUBMITED,
                    DELETED,
                    UNDELETED,
                    CONFIRMED_COMPLETE,
                    SUBSTATUS_UPDATED,
                    PROCESS_START_EVENT,
                    PROCESS_END_EVENT,
                    PROCESS_START_TASK,
                    PROCESS_END_TASK,
                    PROCESS_ABANDON_TASK,
                    "Signed",
                    "SentToSign",
                    "SentToPayment",
                    "SentToSendIn",
                    "SentToFormFill",
                    "InstanceForwarded",
                    "InstanceRightRevoked",
                    "NotificationSentSms",
                    "MessageArchived",
                    "MessageRead");

    private InstanceEventTypes() {}
}
