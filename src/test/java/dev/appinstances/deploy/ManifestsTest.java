package dev.appinstances.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.app.AppConfigFiles;
import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.AppDefinitionLoader;
import dev.appinstances.app.AppSettings;
import dev.appinstances.blob.BlobSettings;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.idempotency.IdempotencySettings;
import dev.appinstances.purge.PurgeSettings;
import dev.appinstances.register.PartyType;
import dev.appinstances.register.RegisterSeed;
import dev.appinstances.register.RegisterSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay under {@code deploy/overlays} with {@code kubectl kustomize} (as {@code
 * kubectl apply -k} would) and checks the objects against what the service needs: its HTTP port and
 * health endpoints, config keys that exist, files where the config points, a hardened pod, a
 * graceful shutdown that fits the grace period, and a highly available production.
 */
class ManifestsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path OVERLAYS = ROOT.resolve("deploy/overlays");
    private static final Path APPLICATION_PROPERTIES =
            ROOT.resolve("src/main/resources/application.properties");

    private static final String APP = "app-instances";
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final int RUN_AS_USER = 1001;

    /** Secrets the manifests use but do not create; deploy/README.md says where they come from. */
    private static final Set<String> EXTERNAL_SECRETS =
            Set.of("app-instances-db-app", "app-instances-jwt", "app-instances-query");

    /** The service's {@code @ConfigMapping} interfaces. */
    private static final List<Class<?>> CONFIG_MAPPINGS =
            List.of(
                    AppSettings.class,
                    HttpLimits.class,
                    IdempotencySettings.class,
                    BlobSettings.class,
                    RegisterSettings.class,
                    PurgeSettings.class);

    /**
     * Keys read outside application.properties and the config mappings: the blob janitor's
     * {@code @Scheduled} interval, and the Quarkus/MicroProfile keys the manifests set.
     */
    private static final Set<String> OTHER_KNOWN_KEYS =
            Set.of(
                    "blob.janitor-interval",
                    "quarkus.datasource.reactive.url",
                    "quarkus.datasource.jdbc.url",
                    "quarkus.datasource.username",
                    "quarkus.datasource.password",
                    "quarkus.datasource.reactive.max-size",
                    "mp.jwt.verify.publickey.location",
                    "mp.jwt.verify.issuer",
                    "quarkus.profile",
                    "quarkus.shutdown.timeout",
                    "quarkus.http.port");

    /** Settings production has no usable default for. */
    private static final Set<String> REQUIRED_ENV =
            Set.of(
                    "APP_CONFIG_DIR",
                    "REGISTER_SEED_FILE",
                    "APP_PUBLIC_BASE_URL",
                    "QUARKUS_DATASOURCE_REACTIVE_URL",
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                    "MP_JWT_VERIFY_ISSUER");

    private static final Map<Path, Rendering> RENDERINGS = new ConcurrentHashMap<>();

    static Stream<Path> overlays() throws IOException {
        List<Path> overlays;
        try (Stream<Path> children = Files.list(OVERLAYS)) {
            overlays = children.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(overlays).as("overlays under %s", OVERLAYS).isNotEmpty();
        return overlays.stream();
    }

    // ---------------------------------------------------------------------------------------
    // Every overlay
    // ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectHasApiVersionKindAndName(Path overlay) {
        for (HasMetadata object : render(overlay).objects()) {
            assertThat(object.getApiVersion()).as("apiVersion of %s", object).isNotBlank();
            assertThat(object.getKind()).as("kind of %s", object).isNotBlank();
            assertThat(object.getMetadata()).as("metadata of %s", object).isNotNull();
            assertThat(object.getMetadata().getName()).as("name of %s", object).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsLabelledAsTheAppAndLivesInTheOverlaysNamespace(Path overlay) {
        Rendering r = render(overlay);
        String namespace = r.one(Namespace.class).getMetadata().getName();
        for (HasMetadata object : r.objects()) {
            assertThat(object.getMetadata().getLabels())
                    .as("labels of %s", describe(object))
                    .containsEntry(NAME_LABEL, APP);
            if (!(object instanceof Namespace)) {
                assertThat(object.getMetadata().getNamespace())
                        .as("namespace of %s", describe(object))
                        .isEqualTo(namespace);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlaySetsAPinnedImage(Path overlay) {
        String image = render(overlay).container().getImage();
        assertThat(image).as("image").contains("/").doesNotEndWith(":latest");
        assertThat(image.substring(image.lastIndexOf('/'))).as("tag of %s", image).contains(":");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesUseTheQuarkusHealthEndpointsOnTheManagementPort(Path overlay) {
        Rendering r = render(overlay);
        Container container = r.container();
        int httpPort = appHttpPort();
        int managementPort = managementPort();
        assertThat(container.getPorts())
                .as("container ports")
                .anySatisfy(
                        port -> {
                            assertThat(port.getName()).isEqualTo("http");
                            assertThat(port.getContainerPort()).isEqualTo(httpPort);
                        })
                .anySatisfy(
                        port -> {
                            assertThat(port.getName()).isEqualTo("management");
                            assertThat(port.getContainerPort()).isEqualTo(managementPort);
                        });

        assertProbe(container, container.getStartupProbe(), "/q/health/started", managementPort);
        assertProbe(container, container.getReadinessProbe(), "/q/health/ready", managementPort);
        assertProbe(container, container.getLivenessProbe(), "/q/health/live", managementPort);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServiceExposesOnlyTheApiPort(Path overlay) {
        Rendering r = render(overlay);
        Service service = r.named(Service.class, APP);
        assertThat(service.getSpec().getPorts())
                .as("Service ports")
                .allSatisfy(
                        port ->
                                assertThat(resolvePort(r.container(), port.getTargetPort()))
                                        .isEqualTo(appHttpPort()));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void serviceSendsPort80ToTheAppsHttpPortOfTheDeploymentsPods(Path overlay) {
        Rendering r = render(overlay);
        Service service = r.named(Service.class, APP);
        assertThat(service.getSpec().getSelector()).as("Service selector").isNotEmpty();
        assertThat(podLabels(r.deployment()))
                .as("pod labels vs Service selector")
                .containsAllEntriesOf(service.getSpec().getSelector());
        ServicePort port = service.getSpec().getPorts().get(0);
        assertThat(port.getPort()).isEqualTo(80);
        assertThat(resolvePort(r.container(), port.getTargetPort()))
                .as("Service targetPort")
                .isEqualTo(appHttpPort());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableSetsAConfigKeyTheServiceKnows(Path overlay) throws Exception {
        Map<String, String> knownEnvNames = new java.util.TreeMap<>();
        for (String key : knownConfigKeys()) {
            knownEnvNames.put(envName(key), key);
        }
        for (EnvVar env : render(overlay).container().getEnv()) {
            assertThat(knownEnvNames)
                    .as(
                            "env %s maps to no known config key (application.properties,"
                                    + " @ConfigMapping interfaces, or the allow-list in this test)",
                            env.getName())
                    .containsKey(env.getName());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void containerIsGivenEverySettingProductionHasNoDefaultFor(Path overlay) {
        Map<String, EnvVar> env = render(overlay).env();
        assertThat(env).containsKeys(REQUIRED_ENV.toArray(String[]::new));
        assertThat(env.get("QUARKUS_PROFILE").getValue()).isEqualTo("prod");
        assertThat(env.get("APP_PUBLIC_BASE_URL").getValue()).startsWith("https://");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void configuredFilesLieInMountedVolumes(Path overlay) {
        Rendering r = render(overlay);
        Map<String, EnvVar> env = r.env();

        MountedDirectory appConfig = r.mountedDirectory(env.get("APP_CONFIG_DIR").getValue());
        assertThat(appConfig.files())
                .as("files of the app config folder")
                .contains(
                        AppConfigFiles.METADATA,
                        AppConfigFiles.PROCESS,
                        AppConfigFiles.MODELS + "model.schema.json");

        for (String name : List.of("REGISTER_SEED_FILE", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            String file = env.get(name).getValue();
            Path path = Path.of(file);
            MountedDirectory dir = r.mountedDirectory(path.getParent().toString());
            assertThat(dir.files())
                    .as("%s=%s: files of the volume mounted at %s", name, file, dir.mountPath())
                    .contains(path.getFileName().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void mountedAppConfigAndRegisterSeedAreFilesTheServiceLoads(Path overlay, @TempDir Path dir)
            throws IOException {
        Rendering r = render(overlay);
        Map<String, EnvVar> env = r.env();

        Path appDir = r.mountedDirectory(env.get("APP_CONFIG_DIR").getValue()).writeTo(dir);
        AppDefinition app = AppDefinitionLoader.load(AppConfigFiles.directory(appDir));
        assertThat(app.appId()).as("app id of the mounted app config").isNotBlank();
        assertThat(app.process().firstTask()).as("first task of the mounted process").isNotNull();

        Path seedFile = Path.of(env.get("REGISTER_SEED_FILE").getValue());
        Path seedDir =
                r.mountedDirectory(seedFile.getParent().toString()).writeTo(dir.resolve("seed"));
        RegisterSeed seed =
                new ObjectMapper()
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(
                                seedDir.resolve(seedFile.getFileName().toString()).toFile(),
                                RegisterSeed.class);
        assertThat(seed.parties()).as("parties of the mounted register seed").isNotEmpty();
        seed.parties().forEach(party -> PartyType.fromAltinnName(party.partyTypeName()));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void referencedConfigMapsAndSecretsAreRenderedOrDocumentedExternalSecrets(Path overlay)
            throws IOException {
        Rendering r = render(overlay);
        PodSpec pod = r.deployment().getSpec().getTemplate().getSpec();
        Set<String> configMaps = r.names(ConfigMap.class);
        Set<String> secrets = new HashSet<>(r.names(Secret.class));
        secrets.addAll(EXTERNAL_SECRETS);

        for (Volume volume : pod.getVolumes()) {
            if (volume.getConfigMap() != null) {
                String name = volume.getConfigMap().getName();
                assertThat(configMaps)
                        .as("ConfigMap of volume %s", volume.getName())
                        .contains(name);
                Set<String> keys = r.named(ConfigMap.class, name).getData().keySet();
                for (KeyToPath item : items(volume)) {
                    assertThat(keys).as("keys of ConfigMap %s", name).contains(item.getKey());
                }
            }
            if (volume.getSecret() != null) {
                assertThat(secrets)
                        .as("Secret of volume %s", volume.getName())
                        .contains(volume.getSecret().getSecretName());
            }
        }
        for (EnvVar env : r.container().getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                assertThat(secrets)
                        .as("Secret of env %s", env.getName())
                        .contains(env.getValueFrom().getSecretKeyRef().getName());
            }
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                assertThat(configMaps)
                        .as("ConfigMap of env %s", env.getName())
                        .contains(env.getValueFrom().getConfigMapKeyRef().getName());
            }
        }
        String readme = Files.readString(ROOT.resolve("deploy/README.md"));
        for (String external : EXTERNAL_SECRETS) {
            assertThat(readme).as("deploy/README.md documents %s", external).contains(external);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podRunsAsNonRootOnAReadOnlyRootFilesystemWithoutPrivileges(Path overlay) {
        Rendering r = render(overlay);
        PodSpec pod = r.deployment().getSpec().getTemplate().getSpec();
        PodSecurityContext podContext =
                Objects.requireNonNullElseGet(pod.getSecurityContext(), PodSecurityContext::new);
        SecurityContext context = r.container().getSecurityContext();
        assertThat(context).as("container securityContext").isNotNull();

        assertThat(firstNonNull(context.getRunAsNonRoot(), podContext.getRunAsNonRoot()))
                .as("runAsNonRoot")
                .isTrue();
        assertThat(firstNonNull(context.getRunAsUser(), podContext.getRunAsUser()))
                .as("runAsUser")
                .isEqualTo((long) RUN_AS_USER);
        assertThat(context.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem").isTrue();
        assertThat(context.getAllowPrivilegeEscalation()).as("allowPrivilegeEscalation").isFalse();
        assertThat(context.getPrivileged()).as("privileged").isNotEqualTo(Boolean.TRUE);
        assertThat(context.getCapabilities()).as("capabilities").isNotNull();
        assertThat(context.getCapabilities().getDrop()).as("capabilities.drop").contains("ALL");
        assertThat(context.getCapabilities().getAdd()).as("capabilities.add").isNullOrEmpty();
        var seccomp = firstNonNull(context.getSeccompProfile(), podContext.getSeccompProfile());
        assertThat(seccomp).as("seccompProfile").isNotNull();
        assertThat(seccomp.getType()).as("seccompProfile.type").isEqualTo("RuntimeDefault");

        // The read-only root filesystem needs a writable /tmp for Quarkus and Vert.x.
        VolumeMount tmp =
                r.container().getVolumeMounts().stream()
                        .filter(mount -> mount.getMountPath().equals("/tmp"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
        assertThat(r.volume(tmp.getName()).getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
        assertThat(tmp.getReadOnly()).as("/tmp read-only").isNotEqualTo(Boolean.TRUE);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void gracePeriodCoversThePreStopPauseAndTheQuarkusShutdownTimeout(Path overlay) {
        Rendering r = render(overlay);
        PodSpec pod = r.deployment().getSpec().getTemplate().getSpec();
        EnvVar timeout = r.env().get("QUARKUS_SHUTDOWN_TIMEOUT");
        assertThat(timeout).as("QUARKUS_SHUTDOWN_TIMEOUT").isNotNull();
        Duration shutdown = quarkusDuration(timeout.getValue());
        assertThat(shutdown).as("shutdown timeout").isPositive();
        Duration grace = Duration.ofSeconds(pod.getTerminationGracePeriodSeconds());

        assertThat(grace)
                .as("terminationGracePeriodSeconds vs preStop + QUARKUS_SHUTDOWN_TIMEOUT")
                .isGreaterThan(preStopPause(r.container()).plus(shutdown));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rolloutsNeverGoBelowTheWantedNumberOfPods(Path overlay) {
        var strategy = render(overlay).deployment().getSpec().getStrategy();
        assertThat(strategy.getType()).isEqualTo("RollingUpdate");
        assertThat(strategy.getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalerDisruptionBudgetAndNetworkPolicyTargetTheDeploymentsPods(Path overlay) {
        Rendering r = render(overlay);
        Deployment deployment = r.deployment();
        Map<String, String> podLabels = podLabels(deployment);

        for (HorizontalPodAutoscaler hpa : r.all(HorizontalPodAutoscaler.class)) {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName())
                    .isEqualTo(deployment.getMetadata().getName());
            assertThat(hpa.getSpec().getMinReplicas())
                    .as("HPA minReplicas")
                    .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        }
        for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
            assertSelects(pdb.getSpec().getSelector(), podLabels, "PDB " + name(pdb));
        }
        for (NetworkPolicy policy : r.all(NetworkPolicy.class)) {
            assertSelects(policy.getSpec().getPodSelector(), podLabels, "NetworkPolicy");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void datasourceIsTheCnpgClustersPrimaryDatabaseAndAppUser(Path overlay) {
        Rendering r = render(overlay);
        GenericKubernetesResource cluster = r.cnpgCluster();
        String clusterName = cluster.getMetadata().getName();
        String database = cluster.get("spec", "bootstrap", "initdb", "database");
        Map<String, EnvVar> env = r.env();

        assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").getValue())
                .isEqualTo("postgresql://" + clusterName + "-rw:5432/" + database);
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue())
                .isEqualTo("jdbc:postgresql://" + clusterName + "-rw:5432/" + database);
        for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            var ref = env.get(name).getValueFrom().getSecretKeyRef();
            assertThat(ref.getName()).as(name).isEqualTo(clusterName + "-app");
            assertThat(ref.getKey())
                    .as(name)
                    .isEqualTo(name.endsWith("USERNAME") ? "username" : "password");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void connectionPoolsAtFullScaleFitTheDatabasesMaxConnections(Path overlay) throws IOException {
        Rendering r = render(overlay);
        Properties properties = applicationProperties();
        int reactive =
                Integer.parseInt(
                        Optional.ofNullable(r.env().get("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE"))
                                .map(EnvVar::getValue)
                                .orElse(
                                        properties.getProperty(
                                                "quarkus.datasource.reactive.max-size", "20")));
        int jdbc =
                Integer.parseInt(properties.getProperty("quarkus.datasource.jdbc.max-size", "20"));
        Deployment deployment = r.deployment();
        int pods =
                r.all(HorizontalPodAutoscaler.class).stream()
                        .mapToInt(hpa -> hpa.getSpec().getMaxReplicas())
                        .max()
                        .orElse(deployment.getSpec().getReplicas());
        IntOrString surge = deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge();
        pods += surge != null && surge.getIntVal() != null ? surge.getIntVal() : 1;

        String maxConnections =
                r.cnpgCluster().get("spec", "postgresql", "parameters", "max_connections");
        int available =
                (maxConnections == null ? 100 : Integer.parseInt(maxConnections))
                        - 3; // superuser_reserved_connections
        assertThat(pods * (reactive + jdbc))
                .as("%d pods x (%d reactive + %d JDBC) connections", pods, reactive, jdbc)
                .isLessThanOrEqualTo(available);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPolicyAdmitsHttpAndLetsThePodsReachOnlyPostgresAndDns(Path overlay) {
        Rendering r = render(overlay);
        NetworkPolicy policy = r.one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");

        assertThat(policy.getSpec().getIngress()).isNotEmpty();
        policy.getSpec()
                .getIngress()
                .forEach(
                        rule ->
                                assertThat(rule.getPorts())
                                        .as("ingress ports")
                                        .isNotEmpty()
                                        .allSatisfy(
                                                port ->
                                                        assertThat(
                                                                        resolvePort(
                                                                                r.container(),
                                                                                port.getPort()))
                                                                .isIn(
                                                                        appHttpPort(),
                                                                        managementPort())));
        assertThat(policy.getSpec().getIngress())
                .as("the management port admits only the monitoring namespace")
                .filteredOn(
                        rule ->
                                rule.getPorts().stream()
                                        .anyMatch(
                                                port ->
                                                        resolvePort(r.container(), port.getPort())
                                                                == managementPort()))
                .singleElement()
                .satisfies(
                        rule -> {
                            assertThat(rule.getPorts()).hasSize(1);
                            assertThat(rule.getFrom())
                                    .singleElement()
                                    .satisfies(
                                            peer -> {
                                                assertThat(peer.getPodSelector()).isNull();
                                                assertThat(
                                                                peer.getNamespaceSelector()
                                                                        .getMatchLabels())
                                                        .containsEntry(
                                                                "kubernetes.io/metadata.name",
                                                                "monitoring");
                                            });
                        });

        String clusterName = r.cnpgCluster().getMetadata().getName();
        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertThat(egress)
                .as("an egress rule to the PostgreSQL pods on 5432")
                .anySatisfy(
                        rule -> {
                            assertThat(ports(rule)).containsExactly(5432);
                            assertThat(rule.getTo())
                                    .extracting(NetworkPolicyPeer::getPodSelector)
                                    .extracting(LabelSelector::getMatchLabels)
                                    .containsExactly(Map.of("cnpg.io/cluster", clusterName));
                        });
        assertThat(egress)
                .as("an egress rule for DNS")
                .anySatisfy(rule -> assertThat(ports(rule)).containsOnly(53));
        assertThat(egress)
                .as("egress only to PostgreSQL and DNS")
                .allSatisfy(rule -> assertThat(ports(rule)).isNotEmpty().isSubsetOf(5432, 53));
    }

    // ---------------------------------------------------------------------------------------
    // Production
    // ---------------------------------------------------------------------------------------

    @Test
    void productionIsHighlyAvailable() {
        Rendering prod = render(OVERLAYS.resolve("prod"));
        assertThat(prod.deployment().getSpec().getReplicas())
                .as("replicas")
                .isGreaterThanOrEqualTo(2);

        HorizontalPodAutoscaler hpa = prod.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getMinReplicas()).as("HPA minReplicas").isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMetrics())
                .as("HPA metrics")
                .anySatisfy(metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));

        assertThat(prod.all(PodDisruptionBudget.class)).as("PodDisruptionBudget").hasSize(1);
        assertThat(prod.all(NetworkPolicy.class)).as("NetworkPolicy").hasSize(1);

        Object instances = prod.cnpgCluster().get("spec", "instances");
        assertThat(instances).as("CNPG Cluster instances").isEqualTo(3);
    }

    @Test
    void productionIsScrapedByPrometheus() {
        Rendering prod = render(OVERLAYS.resolve("prod"));
        Map<String, String> annotations =
                prod.deployment().getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", Integer.toString(managementPort()));

        GenericKubernetesResource podMonitor = prod.custom("monitoring.coreos.com/", "PodMonitor");
        List<Map<String, Object>> endpoints = podMonitor.get("spec", "podMetricsEndpoints");
        assertThat(endpoints)
                .singleElement()
                .satisfies(
                        endpoint -> {
                            assertThat(endpoint).containsEntry("path", "/q/metrics");
                            assertThat(endpoint).containsEntry("port", "management");
                        });
    }

    // ---------------------------------------------------------------------------------------
    // Rendering
    // ---------------------------------------------------------------------------------------

    private static Rendering render(Path overlay) {
        return RENDERINGS.computeIfAbsent(overlay, ManifestsTest::kustomize);
    }

    private static Rendering kustomize(Path overlay) {
        String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");
        ProcessBuilder builder = new ProcessBuilder(kubectl, "kustomize", overlay.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "Cannot run '"
                            + kubectl
                            + "': the manifest tests render deploy/overlays with `kubectl"
                            + " kustomize` (kubectl with kustomize v5). Install kubectl or point"
                            + " the KUBECTL environment variable at it. ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        try {
            CompletableFuture<String> stderr =
                    CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        "kubectl kustomize "
                                + ROOT.relativize(overlay)
                                + " failed (exit "
                                + process.exitValue()
                                + "):\n"
                                + stderr.join());
            }
            return new Rendering(overlay, parse(stdout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<HasMetadata> parse(String yaml) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object object = serialization.unmarshal(document);
            if (!(object instanceof HasMetadata resource)) {
                throw new AssertionError("Not a Kubernetes object:\n" + document);
            }
            objects.add(resource);
        }
        assertThat(objects).as("rendered objects").isNotEmpty();
        return objects;
    }

    /** One overlay's objects. */
    record Rendering(Path overlay, List<HasMetadata> objects) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> all = all(type);
            assertThat(all).as("%s objects in %s", type.getSimpleName(), overlay).hasSize(1);
            return all.get(0);
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            return all(type).stream()
                    .filter(object -> object.getMetadata().getName().equals(name))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new AssertionError(
                                            "no "
                                                    + type.getSimpleName()
                                                    + " "
                                                    + name
                                                    + " in "
                                                    + overlay));
        }

        Set<String> names(Class<? extends HasMetadata> type) {
            return all(type).stream()
                    .map(object -> object.getMetadata().getName())
                    .collect(Collectors.toSet());
        }

        GenericKubernetesResource custom(String apiVersionPrefix, String kind) {
            List<GenericKubernetesResource> matching =
                    all(GenericKubernetesResource.class).stream()
                            .filter(object -> object.getApiVersion().startsWith(apiVersionPrefix))
                            .filter(object -> object.getKind().equals(kind))
                            .toList();
            assertThat(matching).as("%s %s in %s", apiVersionPrefix, kind, overlay).hasSize(1);
            return matching.get(0);
        }

        GenericKubernetesResource cnpgCluster() {
            return custom("postgresql.cnpg.io/", "Cluster");
        }

        Deployment deployment() {
            return named(Deployment.class, APP);
        }

        Container container() {
            return deployment().getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(container -> container.getName().equals(APP))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no container " + APP));
        }

        Map<String, EnvVar> env() {
            return container().getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, env -> env, (a, b) -> b));
        }

        Volume volume(String name) {
            return deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(volume -> volume.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no volume " + name));
        }

        /** The ConfigMap or Secret volume mounted exactly at {@code path}, as a folder. */
        MountedDirectory mountedDirectory(String path) {
            VolumeMount mount =
                    container().getVolumeMounts().stream()
                            .filter(m -> Path.of(m.getMountPath()).equals(Path.of(path)))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no volume mounted at " + path));
            assertThat(mount.getSubPath()).as("subPath of %s", path).isNull();
            Volume volume = volume(mount.getName());
            Map<String, String> content = new java.util.TreeMap<>();
            if (volume.getConfigMap() != null) {
                Map<String, String> data =
                        named(ConfigMap.class, volume.getConfigMap().getName()).getData();
                if (volume.getConfigMap().getItems() == null
                        || volume.getConfigMap().getItems().isEmpty()) {
                    content.putAll(data);
                } else {
                    for (KeyToPath item : volume.getConfigMap().getItems()) {
                        content.put(item.getPath(), data.get(item.getKey()));
                    }
                }
            } else if (volume.getSecret() != null) {
                // External Secret: only its layout is known.
                for (KeyToPath item : items(volume)) {
                    content.put(item.getPath(), null);
                }
            } else {
                throw new AssertionError("volume " + volume.getName() + " holds no files");
            }
            return new MountedDirectory(mount.getMountPath(), content);
        }
    }

    /** The files a ConfigMap or Secret volume shows: relative path to content (null: unknown). */
    record MountedDirectory(String mountPath, Map<String, String> content) {

        Set<String> files() {
            return content.keySet();
        }

        Path writeTo(Path dir) throws IOException {
            for (Map.Entry<String, String> file : content.entrySet()) {
                assertThat(file.getValue()).as("content of %s", file.getKey()).isNotNull();
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return dir;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------

    private static void assertProbe(Container container, Probe probe, String path, int port) {
        assertThat(probe).as("probe %s", path).isNotNull();
        assertThat(probe.getHttpGet()).as("httpGet of probe %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(resolvePort(container, probe.getHttpGet().getPort()))
                .as("port of probe %s", path)
                .isEqualTo(port);
    }

    /** A port number or a named container port, as a number. */
    private static int resolvePort(Container container, IntOrString port) {
        assertThat(port).as("port").isNotNull();
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no container port named " + port.getStrVal()));
    }

    private static List<Integer> ports(NetworkPolicyEgressRule rule) {
        List<NetworkPolicyPort> ports = rule.getPorts() == null ? List.of() : rule.getPorts();
        return ports.stream().map(port -> port.getPort().getIntVal()).toList();
    }

    private static List<KeyToPath> items(Volume volume) {
        List<KeyToPath> items =
                volume.getConfigMap() != null
                        ? volume.getConfigMap().getItems()
                        : volume.getSecret().getItems();
        return items == null ? List.of() : items;
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static void assertSelects(
            LabelSelector selector, Map<String, String> podLabels, String what) {
        assertThat(selector).as("selector of %s", what).isNotNull();
        assertThat(selector.getMatchExpressions()).as("%s matchExpressions", what).isNullOrEmpty();
        assertThat(selector.getMatchLabels()).as("selector of %s", what).isNotEmpty();
        assertThat(podLabels)
                .as("pod labels vs selector of %s", what)
                .containsAllEntriesOf(selector.getMatchLabels());
    }

    /** How long the preStop hook pauses: a sleep action or a {@code sleep N} command. */
    private static Duration preStopPause(Container container) {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
            return Duration.ZERO;
        }
        var preStop = container.getLifecycle().getPreStop();
        if (preStop.getSleep() != null) {
            return Duration.ofSeconds(preStop.getSleep().getSeconds());
        }
        if (preStop.getExec() != null) {
            String command = String.join(" ", preStop.getExec().getCommand());
            Matcher sleep = Pattern.compile("\\bsleep (\\d+)\\b").matcher(command);
            if (sleep.find()) {
                return Duration.ofSeconds(Long.parseLong(sleep.group(1)));
            }
        }
        fail("preStop hook of unknown length: %s", preStop);
        return Duration.ZERO;
    }

    /**
     * A Quarkus duration: ISO-8601 ({@code PT90S}), a number of seconds, or {@code 90s}/{@code 2m}.
     */
    static Duration quarkusDuration(String value) {
        String v = value.trim();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("\\d+[smhSMH]")) {
            return Duration.parse("PT" + v.toUpperCase(Locale.ROOT));
        }
        if (v.matches("\\d+[dD]")) {
            return Duration.parse("P" + v.toUpperCase(Locale.ROOT));
        }
        return Duration.parse(v.toUpperCase(Locale.ROOT));
    }

    /** The management interface's port, which production enables. */
    private static int managementPort() {
        try {
            Properties properties = applicationProperties();
            assertThat(properties.getProperty("quarkus.management.enabled"))
                    .as("quarkus.management.enabled")
                    .isEqualTo("true");
            return Integer.parseInt(
                    properties.getProperty("quarkus.management.port", "9000").trim());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int appHttpPort() {
        try {
            return Integer.parseInt(
                    applicationProperties().getProperty("quarkus.http.port", "8080").trim());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        return properties;
    }

    /** application.properties keys without profile prefixes, mapping keys and the allow-list. */
    private static Set<String> knownConfigKeys() throws IOException {
        Set<String> keys = new TreeSet<>(OTHER_KNOWN_KEYS);
        for (String key : applicationProperties().stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        for (Class<?> mapping : CONFIG_MAPPINGS) {
            String prefix = mapping.getAnnotation(io.smallrye.config.ConfigMapping.class).prefix();
            collectMappingKeys(prefix, mapping, keys);
        }
        return keys;
    }

    private static void collectMappingKeys(String prefix, Class<?> type, Set<String> keys) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0
                    || method.isDefault()
                    || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String name = withName != null ? withName.value() : kebab(method.getName());
            String key = prefix + "." + name;
            Class<?> returned = method.getReturnType();
            if (returned.isInterface()
                    && returned.getName().startsWith("dev.appinstances.")
                    && !returned.isAnnotation()) {
                collectMappingKeys(key, returned, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The environment variable SmallRye Config maps to {@code key}. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + name(object);
    }
}
