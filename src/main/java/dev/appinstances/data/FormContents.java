package dev.appinstances.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.formdata.FormJson;
import dev.appinstances.formdata.FormModel;
import dev.appinstances.formdata.FormViolation;
import dev.appinstances.formdata.InvalidFormDataException;
import dev.appinstances.formdata.InvalidXmlException;
import dev.appinstances.formdata.JsonInput;
import dev.appinstances.formdata.MalformedFormJsonException;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.http.RequestBody;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.StoredPart;
import dev.appinstances.problem.FormDataInvalidException;
import dev.appinstances.problem.FormDataUnreadableException;
import dev.appinstances.problem.MalformedJsonException;
import dev.appinstances.problem.UnsupportedContentTypeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

/**
 * Form data as its model: a data type with {@code appLogic.classRef} and a model schema. Content is
 * stored as XML, written from the model tree as prefill writes it; JSON and XML bodies are read
 * into the tree (in memory, bounded by {@link #limit}), every violation of the model refused.
 */
@ApplicationScoped
public class FormContents {

    static final String STORED_CONTENT_TYPE = "application/xml";
    private static final long MB = 1024L * 1024L;

    private final AppDefinition app;
    private final BlobStore blobs;
    private final ElementContents contents;
    private final long maxSize;

    public FormContents(
            AppDefinition app,
            BlobStore blobs,
            ElementContents contents,
            FormDataSettings settings) {
        this.app = app;
        this.blobs = blobs;
        this.contents = contents;
        this.maxSize = settings.maxSize().asLongValue();
    }

    /** Whether elements of the type are form data read and written as a model. */
    public boolean isForm(DataType type) {
        return type.isFormData() && app.formModel(type.id).isPresent();
    }

    FormModel model(DataType type) {
        return app.formModel(type.id).orElseThrow();
    }

    /** The most bytes of the type's form data converted in memory. */
    long limit(DataType type) {
        return type.maxSize == null ? maxSize : Math.min(maxSize, type.maxSize * MB);
    }

    /**
     * A PUT body in XML (Content-Type {@code application/xml}, {@code text/xml} or none) or JSON
     * ({@code application/json}), checked against the model, as the XML the storing transaction
     * writes.
     */
    Uni<StoredPart> receive(RequestBody body, DataType type) {
        String contentType = body.contentType();
        boolean json = MediaTypes.isJson(contentType);
        String mediaType = MediaTypes.mediaType(contentType);
        boolean xml =
                contentType == null
                        || "application/xml".equals(mediaType)
                        || "text/xml".equals(mediaType);
        if (!json && !xml) {
            throw new UnsupportedContentTypeException(
                    "Form data is application/xml, text/xml or application/json, not "
                            + contentType);
        }
        return body.readAll(limit(type))
                .map(bytes -> read(type, bytes, json))
                .map(tree -> store(type, tree));
    }

    private ObjectNode read(DataType type, byte[] body, boolean json) {
        FormModel model = model(type);
        try {
            if (json) {
                return model.fromJson(FormJson.parse(body), JsonInput.LENIENT, true);
            }
            return model.fromXml(new ByteArrayInputStream(body), true);
        } catch (MalformedFormJsonException e) {
            throw new MalformedJsonException(e.getMessage());
        } catch (InvalidXmlException e) {
            throw new FormDataInvalidException(
                    "The body is not well-formed XML",
                    errors(List.of(new FormViolation("/", e.getMessage()))));
        } catch (InvalidFormDataException e) {
            throw new FormDataInvalidException(
                    "The form data does not fit the data model of '" + type.id + "'",
                    errors(e.violations()));
        }
    }

    /** The tree as XML, to be written by the transaction that stores it. */
    StoredPart store(DataType type, ObjectNode tree) {
        return contents.built(type, STORED_CONTENT_TYPE, model(type).toXml(tree));
    }

    /** The model tree of stored form data (409 when it is too large or does not fit the model). */
    Uni<ObjectNode> stored(DataType type, UUID blobId, long size, UUID elementId) {
        if (size > limit(type)) {
            throw new FormDataUnreadableException(
                    "Data element "
                            + elementId
                            + " is larger ("
                            + size
                            + " bytes) than form data read as a model may be ("
                            + limit(type)
                            + "); read it as XML",
                    null);
        }
        return blobs.read(blobId, 0, size)
                .collect()
                .in(() -> Buffer.buffer((int) size), Buffer::appendBuffer)
                .map(content -> parseStored(type, content.getBytes(), elementId));
    }

    private ObjectNode parseStored(DataType type, byte[] content, UUID elementId) {
        try {
            return model(type).fromXml(new ByteArrayInputStream(content), false);
        } catch (InvalidXmlException e) {
            throw new FormDataUnreadableException(
                    "Data element " + elementId + " is not well-formed XML; read it as XML", null);
        } catch (InvalidFormDataException e) {
            throw new FormDataUnreadableException(
                    "Data element "
                            + elementId
                            + " does not fit the data model of '"
                            + type.id
                            + "'; read it as XML or replace it",
                    errors(e.violations()));
        }
    }

    static ArrayNode errors(List<FormViolation> violations) {
        ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        for (FormViolation violation : violations) {
            errors.addObject().put("path", violation.path()).put("problem", violation.problem());
        }
        return errors;
    }
}
