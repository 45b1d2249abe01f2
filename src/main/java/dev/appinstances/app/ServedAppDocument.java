package dev.appinstances.app;

import io.quarkus.arc.Unremovable;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * Fills the OpenAPI document in with the app this deployment serves, once at startup: the only
 * {@code org} and {@code app} the paths accept, the data type ids, the parts of a multipart create
 * and the content types an upload may have. So that "Try it out" sends what this service takes.
 */
@Singleton
@Unremovable
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ServedAppDocument implements OASFilter {

    private static final String BINARY = "binary";

    private final AppDefinition app;

    public ServedAppDocument(AppDefinition app) {
        this.app = app;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            return;
        }
        only(components.getParameters(), "org", app.org());
        only(components.getParameters(), "app", app.app());
        uploadContentTypes(components.getRequestBodies());
        multipartParts(components.getSchemas());
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().values().stream()
                    .flatMap(item -> item.getOperations().values().stream())
                    .filter(operation -> operation.getParameters() != null)
                    .flatMap(operation -> operation.getParameters().stream())
                    .filter(p -> p.getIn() == Parameter.In.QUERY && "dataType".equals(p.getName()))
                    .forEach(p -> p.getSchema().setEnumeration(new ArrayList<>(dataTypeIds())));
        }
    }

    private static void only(Map<String, Parameter> parameters, String name, String value) {
        Parameter parameter = parameters == null ? null : parameters.get(name);
        if (parameter != null && parameter.getSchema() != null) {
            parameter.getSchema().setEnumeration(List.of(value));
            parameter.setExample(value);
        }
    }

    /** Every content type some data type allows; octet-stream too when one allows any. */
    private void uploadContentTypes(Map<String, RequestBody> bodies) {
        RequestBody upload = bodies == null ? null : bodies.get("DataContent");
        if (upload == null || upload.getContent() == null) {
            return;
        }
        TreeSet<String> types = new TreeSet<>();
        boolean any = false;
        for (DataType type : app.metadata().dataTypes) {
            if (type.allowedContentTypes == null || type.allowedContentTypes.isEmpty()) {
                any = true;
            } else {
                types.addAll(type.allowedContentTypes);
            }
        }
        List<String> ordered = new ArrayList<>();
        if (any) {
            ordered.add("application/octet-stream");
        }
        types.stream().filter(t -> !ordered.contains(t)).forEach(ordered::add);
        Map<String, MediaType> content = new LinkedHashMap<>();
        ordered.forEach(
                type -> content.put(type, OASFactory.createMediaType().schema(binarySchema())));
        upload.getContent().setMediaTypes(content);
    }

    /** The multipart create's parts: the instance template and one part per data type. */
    private void multipartParts(Map<String, Schema> schemas) {
        Schema form = schemas == null ? null : schemas.get("MultipartCreate");
        if (form == null || form.getProperties() == null) {
            return;
        }
        Map<String, Schema> parts = new LinkedHashMap<>();
        Schema instance = form.getProperties().get("instance");
        if (instance != null) {
            parts.put("instance", instance);
        }
        for (DataType type : app.metadata().dataTypes) {
            parts.put(
                    type.id,
                    binarySchema()
                            .description(
                                    "A data element of type "
                                            + type.id
                                            + (type.allowedContentTypes == null
                                                            || type.allowedContentTypes.isEmpty()
                                                    ? ""
                                                    : " ("
                                                            + String.join(
                                                                    ", ", type.allowedContentTypes)
                                                            + ")")));
        }
        form.setProperties(parts);
    }

    private List<String> dataTypeIds() {
        return app.metadata().dataTypes.stream().map(type -> type.id).toList();
    }

    private static Schema binarySchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format(BINARY);
    }
}
