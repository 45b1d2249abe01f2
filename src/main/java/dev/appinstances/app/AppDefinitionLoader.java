package dev.appinstances.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.appinstances.formdata.FormModel;
import dev.appinstances.formdata.InvalidFormSchemaException;
import dev.appinstances.process.BpmnParser;
import dev.appinstances.process.InvalidProcessException;
import dev.appinstances.process.ProcessDefinition;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Reads and checks an app config folder; any problem names the file and what is wrong. */
public final class AppDefinitionLoader {

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();

    private AppDefinitionLoader() {}

    public static AppDefinition load(AppConfigFiles files) {
        ApplicationMetadata metadata = readMetadata(files);
        ProcessDefinition process = readProcess(files);
        checkDataTypes(metadata, process, files);
        return new AppDefinition(metadata, process, readFormModels(metadata, files));
    }

    /** {@code models/<dataTypeId>.schema.json} of every form data type that has one. */
    private static Map<String, FormModel> readFormModels(
            ApplicationMetadata metadata, AppConfigFiles files) {
        Map<String, FormModel> models = new HashMap<>();
        for (DataType type : metadata.dataTypes) {
            if (!type.isFormData()) {
                continue;
            }
            String path = AppConfigFiles.MODELS + type.id + ".schema.json";
            String file = where(files, path);
            files.read(path).ifPresent(bytes -> models.put(type.id, compile(file, bytes)));
        }
        return models;
    }

    private static FormModel compile(String file, byte[] bytes) {
        try {
            return FormModel.compile(JSON.readTree(bytes));
        } catch (JsonProcessingException e) {
            throw new InvalidAppConfigException(file, "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidAppConfigException(file, "cannot be read", e);
        } catch (InvalidFormSchemaException e) {
            String place = e.place() == null ? "" : e.place() + ": ";
            throw new InvalidAppConfigException(
                    file, "a data model this service cannot use: " + place + e.getMessage(), e);
        }
    }

    private static ApplicationMetadata readMetadata(AppConfigFiles files) {
        String file = where(files, AppConfigFiles.METADATA);
        byte[] bytes =
                files.read(AppConfigFiles.METADATA)
                        .orElseThrow(() -> new InvalidAppConfigException(file, "file not found"));
        ApplicationMetadata metadata;
        try {
            metadata = JSON.readValue(bytes, ApplicationMetadata.class);
        } catch (JsonProcessingException e) {
            throw new InvalidAppConfigException(file, "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidAppConfigException(file, "cannot be read", e);
        }
        if (metadata == null) {
            throw new InvalidAppConfigException(file, "the file is empty");
        }
        checkIdentity(metadata, file);
        return metadata;
    }

    private static void checkIdentity(ApplicationMetadata metadata, String file) {
        if (metadata.id == null || !metadata.id.matches("[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+")) {
            throw new InvalidAppConfigException(
                    file, "\"id\" must be \"{org}/{app}\", was " + quoted(metadata.id));
        }
        String orgOfId = metadata.id.substring(0, metadata.id.indexOf('/'));
        if (metadata.org == null) {
            metadata.org = orgOfId;
        } else if (!metadata.org.equals(orgOfId)) {
            throw new InvalidAppConfigException(
                    file,
                    "\"org\" ("
                            + metadata.org
                            + ") differs from the org of \"id\" ("
                            + orgOfId
                            + ")");
        }
        if (metadata.dataTypes == null) {
            throw new InvalidAppConfigException(file, "\"dataTypes\" must be a list");
        }
    }

    private static ProcessDefinition readProcess(AppConfigFiles files) {
        String file = where(files, AppConfigFiles.PROCESS);
        byte[] bytes =
                files.read(AppConfigFiles.PROCESS)
                        .orElseThrow(() -> new InvalidAppConfigException(file, "file not found"));
        try {
            return BpmnParser.parse(bytes);
        } catch (InvalidProcessException e) {
            throw new InvalidAppConfigException(file, e.getMessage(), e);
        }
    }

    private static void checkDataTypes(
            ApplicationMetadata metadata, ProcessDefinition process, AppConfigFiles files) {
        String file = where(files, AppConfigFiles.METADATA);
        Set<String> ids = new HashSet<>();
        for (DataType type : metadata.dataTypes) {
            if (type == null || type.id == null || type.id.isBlank()) {
                throw new InvalidAppConfigException(file, "every data type needs an \"id\"");
            }
            String where = "data type " + type.id + ": ";
            if (!ids.add(type.id)) {
                throw new InvalidAppConfigException(file, where + "duplicate id");
            }
            if (type.maxCount < 0 || type.minCount < 0) {
                throw new InvalidAppConfigException(
                        file, where + "maxCount and minCount must not be negative");
            }
            if (type.maxCount > 0 && type.minCount > type.maxCount) {
                throw new InvalidAppConfigException(
                        file, where + "minCount is larger than maxCount");
            }
            if (type.maxSize != null && type.maxSize <= 0) {
                throw new InvalidAppConfigException(file, where + "maxSize must be positive (MB)");
            }
            if (type.taskId != null && process.task(type.taskId).isEmpty()) {
                throw new InvalidAppConfigException(
                        file, where + "taskId " + type.taskId + " is not a task of the process");
            }
        }
    }

    private static String where(AppConfigFiles files, String relativePath) {
        return files.location() + "/" + relativePath;
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }
}
