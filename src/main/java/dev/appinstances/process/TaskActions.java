package dev.appinstances.process;

import dev.appinstances.process.ProcessDefinition.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions a task offers, as Altinn derives them: {@code read} and {@code write} always, the
 * actions its task type implies (confirmation: confirm; signing: sign, reject; payment: pay), then
 * the task's {@code altinn:actions}. A move without an action needs one of the task type's <em>move
 * actions</em> (data: write; confirmation: confirm; signing: sign or write; ...).
 */
public final class TaskActions {

    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String REJECT = "reject";

    /** Task types whose work is writing data; moving on from them needs {@code write}. */
    private static final Set<String> WRITE_TYPES =
            Set.of("data", "feedback", "pdf", "eFormidling", "fiksArkiv", "subformPdf");

    private TaskActions() {}

    /** Every action the task offers, without duplicates, in Altinn's order. */
    public static List<TaskAction> offered(Task task) {
        Map<String, TaskAction> actions = new LinkedHashMap<>();
        actions.put(READ, TaskAction.process(READ));
        actions.put(WRITE, TaskAction.process(WRITE));
        for (String implied : implied(task.taskType())) {
            actions.putIfAbsent(implied, TaskAction.process(implied));
        }
        task.actions().forEach(action -> actions.putIfAbsent(action.id(), action));
        return List.copyOf(actions.values());
    }

    /** The process action of that id the task offers, if any. */
    public static boolean offersProcessAction(Task task, String action) {
        return offered(task).stream()
                .anyMatch(a -> a.id().equals(action) && a.type() == TaskAction.Type.PROCESS_ACTION);
    }

    /** Actions of which a caller needs one to move on from the task without naming an action. */
    public static List<String> moveActions(String taskType) {
        if (WRITE_TYPES.contains(taskType)) {
            return List.of(WRITE);
        }
        return switch (taskType) {
            case "payment" -> List.of("pay", WRITE);
            case "confirmation" -> List.of("confirm");
            case "signing" -> List.of("sign", WRITE);
            default -> List.of(taskType);
        };
    }

    private static List<String> implied(String taskType) {
        List<String> implied = new ArrayList<>();
        switch (taskType) {
            case "confirmation" -> implied.add("confirm");
            case "signing" -> {
                implied.add("sign");
                implied.add(REJECT);
            }
            case "payment" -> implied.add("pay");
            default -> {
                if (!WRITE_TYPES.contains(taskType)) {
                    implied.add(taskType);
                }
            }
        }
        return implied;
    }
}
