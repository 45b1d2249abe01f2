package dev.appinstances.instance;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataField;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.formdata.FormFieldReader;
import dev.appinstances.formdata.InvalidXmlException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance's {@code presentationTexts} and {@code dataValues}, computed from the app's {@code
 * presentationFields} and {@code dataFields} out of form data content: read from the pending blobs
 * of a write before its transaction, applied to the instance inside it. Only the content of form
 * data types that some field names is read.
 */
@ApplicationScoped
public class FormValues {

    private final AppDefinition app;
    private final BlobStore blobs;

    public FormValues(AppDefinition app, BlobStore blobs) {
        this.app = app;
        this.blobs = blobs;
    }

    /** New values found in stored content: id to value, a null value removing the id. */
    public record Changes(Map<String, String> texts, Map<String, String> values) {
        static final Changes NONE = new Changes(Map.of(), Map.of());

        /** Merges into the instance, as Altinn's Storage does: null or empty removes a key. */
        public void applyTo(InstanceEntity instance) {
            instance.presentationTexts = merged(instance.presentationTexts, texts);
            instance.dataValues = merged(instance.dataValues, values);
        }

        private static Map<String, String> merged(
                Map<String, String> current, Map<String, String> changes) {
            if (changes.isEmpty()) {
                return current;
            }
            Map<String, String> result =
                    current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
            changes.forEach(
                    (id, value) -> {
                        if (value == null || value.isEmpty()) {
                            result.remove(id);
                        } else {
                            result.put(id, value);
                        }
                    });
            return result.isEmpty() ? null : result;
        }
    }

    /** The values in the parts' content; parts of types no field names are not read. */
    public Uni<Changes> of(List<StoredPart> parts) {
        Uni<Changes> all = Uni.createFrom().item(Changes.NONE);
        for (StoredPart part : parts) {
            List<DataField> texts = fieldsOf(app.metadata().presentationFields, part);
            List<DataField> values = fieldsOf(app.metadata().dataFields, part);
            if (texts.isEmpty() && values.isEmpty()) {
                continue;
            }
            all =
                    all.chain(
                            before ->
                                    content(part)
                                            .map(
                                                    bytes ->
                                                            plus(
                                                                    before,
                                                                    read(bytes, texts),
                                                                    read(bytes, values))));
        }
        return all;
    }

    private static List<DataField> fieldsOf(List<DataField> fields, StoredPart part) {
        if (fields == null || !part.dataType().isFormData()) {
            return List.of();
        }
        return fields.stream()
                .filter(field -> part.dataType().id.equals(field.dataTypeId))
                .filter(field -> field.id != null && field.path != null)
                .toList();
    }

    private Uni<byte[]> content(StoredPart part) {
        if (part.content() != null) {
            return Uni.createFrom().item(part.content());
        }
        return blobs.read(part.blob().id(), 0, part.blob().size())
                .collect()
                .in(Buffer::buffer, Buffer::appendBuffer)
                .map(Buffer::getBytes);
    }

    private static Map<String, String> read(byte[] content, List<DataField> fields) {
        if (fields.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found;
        try {
            found =
                    FormFieldReader.read(
                            new ByteArrayInputStream(content),
                            fields.stream().map(field -> field.path).toList());
        } catch (InvalidXmlException | IllegalStateException e) {
            Log.debugf("Form data is not XML; its presentation values are left as they were");
            return Map.of();
        }
        Map<String, String> byId = new HashMap<>();
        for (DataField field : fields) {
            byId.put(field.id, found.get(field.path));
        }
        return byId;
    }

    private static Changes plus(
            Changes before, Map<String, String> texts, Map<String, String> values) {
        Map<String, String> allTexts = new HashMap<>(before.texts());
        allTexts.putAll(texts);
        Map<String, String> allValues = new HashMap<>(before.values());
        allValues.putAll(values);
        return new Changes(allTexts, allValues);
    }
}
