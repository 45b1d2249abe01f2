package dev.appinstances.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layer graph of the service, kept by the build. From the bottom: leaves that know no other
 * package of the service; the HTTP plumbing and the persistence boundary; the app definition;
 * authorization; the instance core; the features, which use the core and never each other.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.appinstances");

    private static final List<String> LEAVES =
            List.of("problem", "common", "process", "formdata", "register", "blob");
    private static final List<String> BELOW_CORE =
            concat(LEAVES, List.of("http", "persistence", "app", "auth"));
    private static final List<String> BELOW_FEATURES =
            concat(BELOW_CORE, List.of("instance", "idempotency"));

    /** Each package of the service, and the packages it may use. */
    private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        LEAVES.forEach(leaf -> MAY_USE.put(leaf, List.of()));
        MAY_USE.put("blob", List.of("persistence"));
        MAY_USE.put("http", List.of("problem", "common"));
        MAY_USE.put("persistence", List.of("problem", "common"));
        MAY_USE.put("app", List.of("problem", "process", "formdata"));
        MAY_USE.put("auth", List.of("problem", "app", "register"));
        MAY_USE.put("instance", BELOW_CORE);
        MAY_USE.put("idempotency", BELOW_CORE);
        for (String feature :
                List.of(
                        "instantiation",
                        "data",
                        "lifecycle",
                        "processflow",
                        "query",
                        "purge",
                        "events")) {
            MAY_USE.put(feature, BELOW_FEATURES);
        }
        MAY_USE.put("localdb", List.of("http"));
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.appinstances.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void everyPackageIsALayer() {
        noClasses()
                .should()
                .resideOutsideOfPackages(
                        MAY_USE.keySet().stream()
                                .map(name -> "dev.appinstances." + name + "..")
                                .toArray(String[]::new))
                .check(SERVICE);
    }

    @Test
    void everyDependencyPointsDown() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : MAY_USE.keySet()) {
            layers = layers.layer(name).definedBy("dev.appinstances." + name + "..");
        }
        for (Map.Entry<String, List<String>> layer : MAY_USE.entrySet()) {
            layers =
                    layer.getValue().isEmpty()
                            ? layers.whereLayer(layer.getKey()).mayNotAccessAnyLayer()
                            : layers.whereLayer(layer.getKey())
                                    .mayOnlyAccessLayers(layer.getValue().toArray(String[]::new));
        }
        layers.check(SERVICE);
    }

    /** Services orchestrate; they never see the HTTP layer (Vert.x, JAX-RS). */
    @Test
    void servicesSeeNoHttpTypes() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.vertx..", "jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(SERVICE);
    }

    /**
     * Database work happens in persistence classes only: Panache repositories, stores of
     * hand-written SQL on the reactive pool, row readers, the register seeder, and the transaction
     * boundary.
     */
    @Test
    void databaseAccessStaysInPersistenceClasses() {
        noClasses()
                .that(not(persistenceClasses()))
                .should()
                .accessClassesThat()
                .resideInAnyPackage(
                        "org.hibernate..",
                        "io.quarkus.hibernate..",
                        "io.vertx.sqlclient..",
                        "io.vertx.mutiny.sqlclient..",
                        "io.vertx.pgclient..")
                .check(SERVICE);
    }

    /** One style for entities: repositories, no active-record statics. */
    @Test
    void noActiveRecordEntities() {
        noClasses().should().beAssignableTo(PanacheEntityBase.class).check(SERVICE);
    }

    /** A resource maps HTTP to a service call; it never reaches past the service. */
    @Test
    void resourcesUseServicesNotPersistence() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .dependOnClassesThat(
                        simpleNameEndingWith("Repository")
                                .or(simpleNameEndingWith("Store"))
                                .or(annotatedWithEntity()))
                .check(SERVICE);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    private static DescribedPredicate<JavaClass> persistenceClasses() {
        return resideInAPackage("dev.appinstances.persistence..")
                .or(simpleNameEndingWith("Repository"))
                .or(simpleNameEndingWith("Store"))
                .or(simpleNameEndingWith("Rows"))
                .or(simpleNameEndingWith("Seeder"))
                .or(simpleNameStartingWith("Postgres"))
                .as("persistence classes");
    }

    private static DescribedPredicate<JavaClass> annotatedWithEntity() {
        return DescribedPredicate.describe(
                "entities", javaClass -> javaClass.isAnnotatedWith(Entity.class));
    }
}
