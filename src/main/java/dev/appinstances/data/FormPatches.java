package dev.appinstances.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appinstances.app.DataType;
import dev.appinstances.data.PatchRequests.ElementPatch;
import dev.appinstances.formdata.FormPatch;
import dev.appinstances.formdata.InvalidFormDataException;
import dev.appinstances.formdata.JsonInput;
import dev.appinstances.formdata.PatchFailedException;
import dev.appinstances.instance.StoredPart;
import dev.appinstances.problem.PatchFailure;
import dev.appinstances.problem.PatchOperationFailedException;
import dev.appinstances.problem.PatchResultInvalidException;
import dev.appinstances.problem.PatchTestFailedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies the JSON Patches of a PATCH to the elements' stored models: a {@code test} that does not
 * hold is 409, another failing operation 422, a patched model that does not fit the data model (an
 * unknown property, a string where a number belongs) 422; each with the model before.
 */
@ApplicationScoped
class FormPatches {

    /** A patched element as it was read. */
    record Target(UUID elementId, UUID blobId, long size, DataType type) {}

    /** Its new model, stored as a pending blob. */
    record Patched(Target target, ObjectNode model, StoredPart part) {}

    private final FormContents forms;

    FormPatches(FormContents forms) {
        this.forms = forms;
    }

    /** The new models, as XML that the patching transaction writes. */
    Uni<List<Patched>> apply(List<Target> targets, List<ElementPatch> patches) {
        Uni<List<Patched>> all = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            JsonNode operations = patches.get(i).operations();
            all =
                    all.chain(
                            done ->
                                    forms.stored(
                                                    target.type(),
                                                    target.blobId(),
                                                    target.size(),
                                                    target.elementId())
                                            .map(
                                                    previous -> {
                                                        ObjectNode model =
                                                                patched(
                                                                        target,
                                                                        previous,
                                                                        operations);
                                                        done.add(
                                                                new Patched(
                                                                        target,
                                                                        model,
                                                                        forms.store(
                                                                                target.type(),
                                                                                model)));
                                                        return done;
                                                    }));
        }
        return all;
    }

    private ObjectNode patched(Target target, ObjectNode previous, JsonNode operations) {
        String id = target.elementId().toString();
        JsonNode result;
        try {
            result = FormPatch.apply(previous, operations);
        } catch (PatchFailedException e) {
            PatchFailure failure = new PatchFailure(previous, id, e.operationIndex());
            throw e.isTest()
                    ? new PatchTestFailedException(e.getMessage(), failure)
                    : new PatchOperationFailedException(e.getMessage(), failure);
        }
        try {
            return forms.model(target.type()).fromJson(result, JsonInput.STRICT, true);
        } catch (InvalidFormDataException e) {
            throw new PatchResultInvalidException(
                    "The patched model of data element "
                            + id
                            + " does not fit the data model of '"
                            + target.type().id
                            + "'",
                    new PatchFailure(previous, id, null),
                    FormContents.errors(e.violations()));
        }
    }
}
