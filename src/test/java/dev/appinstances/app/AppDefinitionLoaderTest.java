package dev.appinstances.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDefinitionLoaderTest {

    @TempDir Path dir;

    @Test
    void loadsTheBundledExampleApp() {
        AppDefinition app = AppDefinitionLoader.load(AppConfigFiles.bundledExample());
        assertThat(app.appId()).isEqualTo("ttd/example-app");
        assertThat(app.org()).isEqualTo("ttd");
        assertThat(app.app()).isEqualTo("example-app");
        assertThat(app.metadata().dataType("model").orElseThrow().isFormData()).isTrue();
        assertThat(app.metadata().dataType("attachment").orElseThrow().maxSize).isEqualTo(25);
        assertThat(app.process().firstTask().id()).isEqualTo("Task_1");
        assertThat(app.formModel("model")).isPresent();
    }

    @Test
    void keepsPropertiesItDoesNotModel() throws IOException {
        copyExample();
        write(
                "applicationmetadata.json",
                read("applicationmetadata.json")
                        .replace("\"versionId\"", "\"futureFeature\": {\"x\": 1}, \"versionId\""));
        AppDefinition app = AppDefinitionLoader.load(AppConfigFiles.directory(dir));
        assertThat(app.metadata().otherProperties()).containsKey("futureFeature");
        assertThat(app.metadata().otherProperties()).containsKey("onEntry");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        assertThatThrownBy(() -> AppDefinitionLoader.load(AppConfigFiles.directory(dir)))
                .isInstanceOf(InvalidAppConfigException.class)
                .hasMessageContaining(dir.resolve("applicationmetadata.json").toString())
                .hasMessageContaining("file not found");
        copyExample();
        Files.delete(dir.resolve("process/process.bpmn"));
        assertThatThrownBy(() -> AppDefinitionLoader.load(AppConfigFiles.directory(dir)))
                .hasMessageContaining("process/process.bpmn: file not found");
    }

    @Test
    void invalidJsonOrValuesAreNamedWithTheFile() throws IOException {
        copyExample();
        String good = read("applicationmetadata.json");
        expectProblem(good.replace("\"org\": \"ttd\",", "\"org\": \"ttd\""), "invalid JSON");
        expectProblem(good.replace("\"maxCount\": 5", "\"maxCount\": \"many\""), "invalid JSON");
        expectProblem(
                good.replace("\"id\": \"ttd/example-app\"", "\"id\": \"example\""),
                "\"id\" must be");
        expectProblem(good.replace("\"org\": \"ttd\"", "\"org\": \"tdd\""), "differs from the org");
        expectProblem(good.replace("\"maxCount\": 5", "\"maxCount\": -1"), "must not be negative");
        expectProblem(
                good.replace(
                        "\"maxCount\": 5,\n      \"minCount\": 0",
                        "\"maxCount\": 1,\n      \"minCount\": 2"),
                "minCount is larger than maxCount");
        expectProblem(
                good.replace("\"maxSize\": 25", "\"maxSize\": 0"), "maxSize must be positive");
        expectProblem(good.replace("\"id\": \"attachment\"", "\"id\": \"model\""), "duplicate id");
        expectProblem(
                good.replace(
                        "\"taskId\": \"Task_1\",\n      \"maxSize\"",
                        "\"taskId\": \"Task_9\",\n      \"maxSize\""),
                "taskId Task_9 is not a task of the process");
    }

    @Test
    void anInvalidProcessIsNamedWithTheFile() throws IOException {
        copyExample();
        write(
                "process/process.bpmn",
                read("process/process.bpmn").replace("bpmn:task ", "bpmn:userTask "));
        assertThatThrownBy(() -> AppDefinitionLoader.load(AppConfigFiles.directory(dir)))
                .hasMessageContaining("process/process.bpmn")
                .hasMessageContaining("bpmn:userTask");
    }

    @Test
    void anUnusableModelSchemaStopsTheLoadNamingTheFileAndThePlace() throws IOException {
        copyExample();
        String good = read("models/model.schema.json");
        String file = dir.resolve("models/model.schema.json").toString();

        write("models/model.schema.json", good.substring(0, good.length() / 2));
        assertThatThrownBy(() -> AppDefinitionLoader.load(AppConfigFiles.directory(dir)))
                .isInstanceOf(InvalidAppConfigException.class)
                .hasMessageContaining(file)
                .hasMessageContaining("invalid JSON");

        write(
                "models/model.schema.json",
                good.replace(
                        "\"description\": { \"type\": \"string\" }",
                        "\"description\": { \"$ref\": \"#/$defs/Missing\" }"));
        assertThatThrownBy(() -> AppDefinitionLoader.load(AppConfigFiles.directory(dir)))
                .isInstanceOf(InvalidAppConfigException.class)
                .hasMessageContaining(file)
                .hasMessageContaining(
                        "description: unresolvable schema reference: #/$defs/Missing");

        write(
                "models/model.schema.json",
                good.replace(
                        "\"plotArea\": { \"type\": \"number\" }",
                        "\"plotArea\": { \"type\": \"tuple\" }"));
        assertThatThrownBy(() -> AppDefinitionLoader.load(AppConfigFiles.directory(dir)))
                .isInstanceOf(InvalidAppConfigException.class)
                .hasMessageContaining(file)
                .hasMessageContaining("property.plotArea: unsupported schema type: tuple");
    }

    @Test
    void aFormTypeWithoutSchemaHasNoModel() throws IOException {
        copyExample();
        Files.delete(dir.resolve("models/model.schema.json"));
        AppDefinition app = AppDefinitionLoader.load(AppConfigFiles.directory(dir));
        assertThat(app.formModel("model")).isEmpty();
    }

    private void expectProblem(String metadata, String problem) throws IOException {
        write("applicationmetadata.json", metadata);
        assertThatThrownBy(() -> AppDefinitionLoader.load(AppConfigFiles.directory(dir)))
                .isInstanceOf(InvalidAppConfigException.class)
                .hasMessageContaining("applicationmetadata.json")
                .hasMessageContaining(problem);
    }

    private void copyExample() throws IOException {
        AppConfigFiles example = AppConfigFiles.bundledExample();
        for (String file :
                new String[] {
                    "applicationmetadata.json", "process/process.bpmn", "models/model.schema.json"
                }) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.write(dir.resolve(file), example.read(file).orElseThrow());
        }
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve(file));
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }
}
