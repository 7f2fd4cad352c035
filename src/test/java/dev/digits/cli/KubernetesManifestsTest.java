package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.model.BundledModels;
import dev.digits.model.DjlEnvironment;
import dev.digits.serving.DigitsServer;
import dev.digits.serving.ModelCatalog;
import dev.digits.serving.ServerConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The manifests in {@code deploy/kubernetes}, parsed offline into Kubernetes' API objects
 * (fabric8's model, which keeps fields it does not know aside: a misspelt field fails here) and
 * checked against the server itself: every probe path answers 200 on a running server with the
 * bundled model, every port is the one the container's arguments and environment make it listen on,
 * and the Job's arguments are ones {@code digits classify} accepts.
 */
class KubernetesManifestsTest {
  private static final Path MANIFESTS = Path.of("deploy/kubernetes");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final Pattern SHARD =
      Pattern.compile("--shard=\\$\\(JOB_COMPLETION_INDEX\\)/(\\d+)");

  private static DigitsServer server;
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void startTheServer() throws IOException {
    DjlEnvironment.configure(1);
    server =
        new DigitsServer(
                ServerConfig.builder().address("127.0.0.1", 0).build(),
                ModelCatalog.of(BundledModels.open(BundledModels.DEFAULT)))
            .start();
  }

  @AfterAll
  static void stopTheServer() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void theDeploymentsProbesAndPortAreTheServers() throws Exception {
    Deployment deployment = parse("deployment.yaml", Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    int port = servedPort(container);
    assertThat(container.getPorts())
        .extracting(ContainerPort::getContainerPort)
        .containsExactly(port);
    assertThat(probePath(container.getStartupProbe(), container, port)).isEqualTo("/readyz");
    assertThat(probePath(container.getReadinessProbe(), container, port)).isEqualTo("/readyz");
    assertThat(probePath(container.getLivenessProbe(), container, port)).isEqualTo("/healthz");
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/port", Integer.toString(port))
        .containsEntry("prometheus.io/path", "/metrics");
    assertAnswers("/metrics");
    assertBoundedAndLockedDown(pod, container);
  }

  @Test
  void theServiceReachesTheDeploymentsPort() {
    Deployment deployment = parse("deployment.yaml", Deployment.class);
    Service service = parse("service.yaml", Service.class);

    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    String target = service.getSpec().getPorts().get(0).getTargetPort().getStrVal();
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
        .extracting(ContainerPort::getName)
        .contains(target);
  }

  @Test
  void theAutoscalerAndDisruptionBudgetFollowTheDeployment() {
    Deployment deployment = parse("deployment.yaml", Deployment.class);
    HorizontalPodAutoscaler hpa = parse("hpa.yaml", HorizontalPodAutoscaler.class);
    PodDisruptionBudget pdb = parse("pdb.yaml", PodDisruptionBudget.class);

    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
    // Utilization is a share of the CPU requested: without a request the autoscaler cannot act.
    assertThat(
            deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getResources()
                .getRequests())
        .containsKey("cpu");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    assertThat(pdb.getSpec().getMinAvailable().getIntVal())
        .isLessThan(hpa.getSpec().getMinReplicas())
        .isLessThan(deployment.getSpec().getReplicas());
  }

  @Test
  void theInferenceServiceRunsTheServerOverTheOpenInferenceProtocol() throws Exception {
    GenericKubernetesResource isvc =
        parse("inferenceservice.yaml", GenericKubernetesResource.class);
    assertThat(isvc.getApiVersion()).isEqualTo("serving.kserve.io/v1beta1");
    assertThat(isvc.getKind()).isEqualTo("InferenceService");
    Map<String, Object> predictor = isvc.get("spec", "predictor");
    // The predictor is a pod spec with KServe's scaling fields beside it.
    Map<String, Object> podFields = new HashMap<>(predictor);
    List.of("minReplicas", "maxReplicas", "scaleMetric", "scaleTarget").forEach(podFields::remove);
    PodSpec pod = YAML.convertValue(podFields, PodSpec.class);
    assertNoUnknownFields(pod, "predictor");
    Container container = pod.getContainers().get(0);

    assertThat(container.getName()).isEqualTo("kserve-container");
    int port = servedPort(container);
    assertThat(port).as("KServe's port for custom containers").isEqualTo(8080);
    assertThat(probePath(container.getReadinessProbe(), container, port))
        .isEqualTo("/v2/health/ready");
    assertThat(probePath(container.getLivenessProbe(), container, port))
        .isEqualTo("/v2/health/live");
    assertAnswers("/v2/models/" + BundledModels.DEFAULT + "/ready");
    assertBoundedAndLockedDown(pod, container);
  }

  @Test
  void theIndexedJobsPodsSplitTheImagesWithArgumentsClassifyAccepts() {
    Job job = parse("classify-job.yaml", Job.class);
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    String shardArgument =
        container.getArgs().stream()
            .filter(arg -> arg.startsWith("--shard"))
            .findFirst()
            .orElseThrow();
    Matcher shard = SHARD.matcher(shardArgument);
    assertThat(shard.matches()).as(shardArgument).isTrue();
    int count = Integer.parseInt(shard.group(1));
    assertThat(job.getSpec().getCompletions()).as("one pod per shard").isEqualTo(count);
    List<String> outputs = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      // Kubernetes puts the pod's index in $(JOB_COMPLETION_INDEX) in arguments.
      String podIndex = Integer.toString(index);
      String[] args =
          container.getArgs().stream()
              .map(arg -> arg.replace("$(JOB_COMPLETION_INDEX)", podIndex))
              .toArray(String[]::new);
      CommandLine.ParseResult parsed = DigitsCommand.commandLine(Map.of()).parseArgs(args);
      ClassifyCommand classify = (ClassifyCommand) parsed.subcommand().commandSpec().userObject();
      outputs.add(classify.output.toString());
      assertThat(classify.inputs).allSatisfy(input -> assertMounted(container, input));
    }
    assertThat(outputs).as("every pod writes its own file").doesNotHaveDuplicates();
    outputs.forEach(output -> assertMounted(container, Path.of(output)));
    assertThat(job.getSpec().getPodFailurePolicy().getRules().get(0).getOnExitCodes().getValues())
        .contains(ClassifyCommand.EXIT_SOME_UNREADABLE, DigitsCommand.EXIT_USER_ERROR);
    assertBoundedAndLockedDown(pod, container);
  }

  /** The port the container's arguments and environment make {@code digits serve} listen on. */
  private static int servedPort(Container container) {
    Map<String, String> environment = new HashMap<>();
    for (EnvVar variable : container.getEnv()) {
      environment.put(variable.getName(), variable.getValue());
    }
    CommandLine.ParseResult parsed =
        DigitsCommand.commandLine(environment)
            .parseArgs(container.getArgs().toArray(String[]::new));
    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    return serve.port;
  }

  /** The probe's path, after checking that it is an HTTP GET on the served port answered 200. */
  private static String probePath(Probe probe, Container container, int port) throws Exception {
    assertThat(probe).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    int probed =
        get.getPort().getIntVal() != null
            ? get.getPort().getIntVal()
            : container.getPorts().stream()
                .filter(p -> get.getPort().getStrVal().equals(p.getName()))
                .findFirst()
                .orElseThrow()
                .getContainerPort();
    assertThat(probed).as("the port probed").isEqualTo(port);
    assertAnswers(get.getPath());
    return get.getPath();
  }

  private static void assertAnswers(String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
  }

  /** Requests and limits set, nothing a process in it needs that a restricted pod lacks. */
  private static void assertBoundedAndLockedDown(PodSpec pod, Container container) {
    Map<String, Quantity> requests = container.getResources().getRequests();
    Map<String, Quantity> limits = container.getResources().getLimits();
    assertThat(requests).containsKeys("cpu", "memory");
    assertThat(limits).containsKeys("cpu", "memory");
    // docs/SERVING.md: resident memory stays under 400 MB after hostile load.
    assertThat(Quantity.getAmountInBytes(requests.get("memory")).longValue())
        .isGreaterThanOrEqualTo(400L << 20);
    assertThat(Quantity.getAmountInBytes(limits.get("memory")))
        .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));

    PodSecurityContext podSecurity = pod.getSecurityContext();
    assertThat(podSecurity.getRunAsNonRoot()).isTrue();
    assertThat(podSecurity.getRunAsUser()).isPositive();
    assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    var security = container.getSecurityContext();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
    // A read-only root: the JVM's temporary files need a writable /tmp of the pod's own.
    String tmpVolume =
        container.getVolumeMounts().stream()
            .filter(mount -> mount.getMountPath().equals("/tmp"))
            .findFirst()
            .orElseThrow()
            .getName();
    assertThat(pod.getVolumes())
        .filteredOn(volume -> volume.getName().equals(tmpVolume))
        .extracting(Volume::getEmptyDir)
        .doesNotContainNull();
  }

  private static void assertMounted(Container container, Path path) {
    assertThat(container.getVolumeMounts())
        .as("%s is on a volume", path)
        .anyMatch(mount -> path.startsWith(mount.getMountPath()));
  }

  private static <T> T parse(String file, Class<T> type) {
    try {
      T resource = YAML.unmarshal(Files.readString(MANIFESTS.resolve(file)), type);
      assertThat(resource).as(file).isInstanceOf(type);
      if (!(resource instanceof GenericKubernetesResource)) {
        assertNoUnknownFields(resource, file);
      }
      return resource;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  /**
   * fabric8's objects keep fields their API does not have in {@code additionalProperties}, where a
   * misspelt probe would go unnoticed: there must be none, at any depth.
   */
  private static void assertNoUnknownFields(Object object, String where) {
    if (object instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        assertNoUnknownFields(item, where + "[" + i++ + "]");
      }
      return;
    }
    if (object instanceof Map<?, ?> map) {
      map.forEach((key, value) -> assertNoUnknownFields(value, where + "." + key));
      return;
    }
    if (object == null || !object.getClass().getName().startsWith("io.fabric8.kubernetes.api")) {
      return;
    }
    for (Method getter : object.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(object);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        assertThat((Map<?, ?>) value).as("fields Kubernetes does not know in %s", where).isEmpty();
      } else {
        assertNoUnknownFields(value, where + "." + getter.getName().substring(3));
      }
    }
  }
}
