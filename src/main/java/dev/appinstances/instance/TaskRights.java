package dev.appinstances.instance;

import dev.appinstances.auth.Caller;
import dev.appinstances.process.ProcessDefinition.Task;
import dev.appinstances.process.TaskAction;
import dev.appinstances.process.TaskActions;
import java.util.List;

/**
 * Which of a task's actions a caller may perform, following what Altinn's default app policy
 * grants. It is asked only about callers who may act for the instance's party (the gate in front
 * has checked that):
 *
 * <ul>
 *   <li>the party's side (the owner user, a user the party has delegated to, the organisation
 *       itself) may perform every action the task offers;
 *   <li>the app owner may {@code read} and {@code write} in every task, but not the party's own
 *       acts (confirm, sign, reject, pay, or any other action of the BPMN).
 * </ul>
 */
public final class TaskRights {

    private TaskRights() {}

    public static boolean authorized(Caller caller, String action) {
        if (caller.isAppOwner()) {
            return TaskActions.READ.equals(action) || TaskActions.WRITE.equals(action);
        }
        return true;
    }

    /** The caller may move on from the task without naming an action. */
    public static boolean mayMoveOn(Caller caller, Task task) {
        List<String> needed = TaskActions.moveActions(task.taskType());
        return needed.stream().anyMatch(action -> authorized(caller, action));
    }

    /** Why a move with the action is refused, or null when it is allowed. */
    public static String refusal(Caller caller, Task task, String action) {
        if (action == null) {
            return mayMoveOn(caller, task)
                    ? null
                    : "The caller may not perform any of "
                            + TaskActions.moveActions(task.taskType())
                            + " in task "
                            + task.id()
                            + " ("
                            + task.taskType()
                            + "), which moving on from it needs";
        }
        return authorized(caller, action)
                ? null
                : "The caller may not perform action '"
                        + action
                        + "' in task "
                        + task.id()
                        + " ("
                        + task.taskType()
                        + ")";
    }

    public static boolean offers(Task task, String action) {
        return TaskActions.offersProcessAction(task, action);
    }

    public static List<TaskAction> offered(Task task) {
        return TaskActions.offered(task);
    }
}
