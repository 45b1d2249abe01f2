package dev.appinstances.data;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.formdata.FormModel;
import dev.appinstances.instance.DataElementEntity;
import dev.appinstances.instance.InstanceETags;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A form element read as its model: the stored XML converted to JSON. Its entity tag is the
 * content's hash with the representation, so the JSON and XML of one content differ, and a client
 * that has the current JSON gets 304 without the content being read. Every other read is the stored
 * bytes.
 */
@ApplicationScoped
class FormReads {

    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final FormContents forms;
    private final AppDefinition app;

    FormReads(FormContents forms, AppDefinition app) {
        this.forms = forms;
        this.app = app;
    }

    /** What a read of the element sends, decided in the reading session. */
    record Located(Download stored, DataType formType, UUID elementId) {}

    Located locate(DataElementEntity element, String rangeHeader, Representation wanted) {
        DataType type =
                app.metadata().dataTypes.stream()
                        .filter(t -> t.id.equals(element.dataType))
                        .findFirst()
                        .orElse(null);
        if (type != null && wanted.model() && forms.isForm(type)) {
            // A range applies to the stored bytes, not to the model.
            return new Located(Download.of(element, null), type, element.id);
        }
        return new Located(Download.of(element, rangeHeader), null, element.id);
    }

    /** After the session: the stored bytes, or the model rendered as JSON. */
    Uni<Download> render(Located located, Representation wanted) {
        Download stored = located.stored();
        if (located.formType() == null) {
            return Uni.createFrom().item(stored);
        }
        String hash = stored.etag().substring(1, stored.etag().length() - 1);
        String etag = "\"" + hash + (wanted.includeRowId() ? "-json-rows" : "-json") + "\"";
        if (InstanceETags.matches(wanted.ifNoneMatch(), etag)) {
            return Uni.createFrom().item(stored.rendered(JSON_TYPE, etag, new byte[0]));
        }
        return forms.stored(located.formType(), stored.blobId(), stored.size(), located.elementId())
                .map(
                        tree ->
                                stored.rendered(
                                        JSON_TYPE,
                                        etag,
                                        FormModel.toJson(tree, wanted.includeRowId())));
    }
}
