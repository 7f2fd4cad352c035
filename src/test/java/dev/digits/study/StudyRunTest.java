package dev.digits.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.TestData;
import dev.digits.data.IdxImages;
import dev.digits.evaluation.EvaluationResult.Mistake;
import dev.digits.io.GreyPngEncoder;
import dev.digits.io.Json;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TorchClassifier;
import dev.digits.model.TrainingConfig;
import dev.digits.model.TrainingConfig.Augmentation;
import dev.digits.model.TrainingConfig.OptimizerKind;
import dev.digits.model.TrainingConfig.Schedule;
import dev.digits.serving.Chromium;
import dev.digits.serving.DigitsServer;
import dev.digits.serving.ModelCatalog;
import dev.digits.serving.ServerConfig;
import dev.digits.training.TrainingListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * A tiny study run in steps on one folder: interrupted in the second variant, continued, finished,
 * then checked number by number. The steps share the folder, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudyRunTest {
  private static final int TEST_IMAGES = 300;

  /** Two epochs of 4 batches each, so a stop can fall in the middle of a variant's run. */
  private static final StudyPlan PLAN =
      new StudyPlan(
          TrainingConfig.builder()
              .architecture("digits-cnn")
              .epochs(2)
              .batchSize(64)
              .optimizer(OptimizerKind.ADAM)
              .learningRate(0.003f)
              .schedule(Schedule.ONE_CYCLE)
              .penalties(0, 0)
              .augmentation(Augmentation.NONE)
              .seed(3)
              .validationSize(200)
              .trainingLimit(256)
              .mixture(TrainingConfig.Mixture.MNIST_ONLY)
              .build(),
          1e-4f,
          1e-3f,
          TEST_IMAGES);

  @TempDir static Path folder;
  private StudyReport report;

  @BeforeAll
  static void engine() {
    TestData.engine();
  }

  @Test
  @Order(1)
  void stopsInTheSecondVariantAndContinuesThereWithoutRetrainingTheFirst() throws Exception {
    Events first = new Events();
    // Stop in L1's second epoch: 4 batches of the first, 2 of the second.
    Optional<StudyReport> stopped =
        runner(first).run(() -> first.variant == Variant.L1 && first.batches.get() >= 6);

    assertThat(stopped).isEmpty();
    assertThat(first.log).containsExactly("train none", "saved none", "train l1");
    assertThat(folder.resolve("none.model")).exists();
    assertThat(folder.resolve("l1.model.ckpt")).exists();
    assertThat(folder.resolve("l1.model")).doesNotExist();
    assertThat(folder.resolve("l2.model")).doesNotExist();
    assertThat(folder.resolve(StudyRunner.JSON_FILE)).doesNotExist();

    Events second = new Events();
    report = runner(second).run(() -> false).orElseThrow();

    assertThat(second.log)
        .containsExactly(
            "reused none",
            "resume l1 at epoch 2 batch 2",
            "saved l1",
            "train l2",
            "saved l2",
            "train l1-l2",
            "saved l1-l2",
            "analysing");
    for (Variant variant : Variant.values()) {
      assertThat(folder.resolve(variant.fileName())).exists();
      assertThat(folder.resolve(variant.fileName() + ".ckpt")).doesNotExist();
    }
  }

  @Test
  @Order(2)
  void everyVariantsNumbersAreConsistent() throws Exception {
    assertThat(report.variants())
        .extracting(VariantResult::id)
        .containsExactly("none", "l1", "l2", "l1-l2");
    assertThat(report.testImages()).isEqualTo(TEST_IMAGES);
    for (Variant variant : Variant.values()) {
      VariantResult v = report.variant(variant);
      assertThat(v.testImages()).isEqualTo(TEST_IMAGES);
      assertThat(v.misclassified())
          .as(v.id())
          .isEqualTo((int) Math.round((1 - v.testAccuracy()) * TEST_IMAGES))
          .isEqualTo(v.mistakes().size());
      int offDiagonal = 0;
      int total = 0;
      for (int t = 0; t < 10; t++) {
        for (int p = 0; p < 10; p++) {
          total += v.confusion()[t][p];
          offDiagonal += t == p ? 0 : v.confusion()[t][p];
        }
      }
      assertThat(total).isEqualTo(TEST_IMAGES);
      assertThat(offDiagonal).isEqualTo(v.misclassified());
      assertThat(v.mistakes()).allMatch(m -> m.label() != m.predicted());
      assertThat(v.history()).hasSize(2);

      ModelMetadata model = ModelFile.readMetadata(folder.resolve(v.file()));
      assertThat(model.name()).isEqualTo("study-" + v.id());
      assertThat(model.training()).isEqualTo(PLAN.config(variant));
      assertThat(model.metrics().testAccuracy()).isEqualTo(v.testAccuracy());
      assertThat(model.metrics().nearZeroWeightFraction())
          .isEqualTo(v.weights().nearZeroFraction());
      assertThat(v.parameterCount()).isEqualTo(model.parameterCount());
      assertThat(v.finalPenalty())
          .isCloseTo(
              v.l1() * v.weights().absoluteSum() + v.l2() * v.weights().squaredSum(), within(1e-9));
    }
    assertThat(report.variant(Variant.NONE).finalPenalty()).isZero();
    assertThat(report.variant(Variant.NONE).history()).allMatch(epoch -> epoch.penalty() == 0);
    assertThat(report.variant(Variant.L1).finalPenalty()).isPositive();
    assertThat(report.variant(Variant.L1).history()).allMatch(epoch -> epoch.penalty() > 0);
    assertThat(report.variant(Variant.L2).finalPenalty()).isPositive();
    assertThat(report.variant(Variant.L1_L2).finalPenalty()).isPositive();
  }

  @Test
  @Order(2)
  void mistakeOverlapAddsUp() {
    MistakeOverlap overlap = report.overlap();
    List<Set<Integer>> wrong = new ArrayList<>();
    Set<Integer> union = new HashSet<>();
    for (VariantResult v : report.variants()) {
      Set<Integer> indices = new HashSet<>(v.mistakes().stream().map(Mistake::index).toList());
      wrong.add(indices);
      union.addAll(indices);
    }
    assertThat(overlap.union()).containsExactlyInAnyOrderElementsOf(union).isSorted();
    assertThat(overlap.sharedByAll()).allMatch(i -> wrong.stream().allMatch(w -> w.contains(i)));
    int[] exactly = overlap.wrongInExactly();
    assertThat(exactly).hasSize(5);
    assertThat(exactly[0]).isEqualTo(TEST_IMAGES - union.size());
    assertThat(exactly[4]).isEqualTo(overlap.sharedByAll().size());
    assertThat(exactly[1])
        .isEqualTo(overlap.uniqueTo().values().stream().mapToInt(List::size).sum());
    assertThat(java.util.Arrays.stream(exactly).sum()).isEqualTo(TEST_IMAGES);
    for (int i = 0; i < 4; i++) {
      String id = report.variants().get(i).id();
      assertThat(overlap.uniqueTo().get(id))
          .allMatch(index -> wrong.stream().filter(w -> w.contains(index)).count() == 1);
      for (int j = i + 1; j < 4; j++) {
        Set<Integer> both = new HashSet<>(wrong.get(i));
        both.retainAll(wrong.get(j));
        assertThat(overlap.shared(id, report.variants().get(j).id())).isEqualTo(both.size());
      }
    }
  }

  @Test
  @Order(2)
  void writesTheNumbersAndASelfContainedPage() throws Exception {
    JsonNode json = Json.mapper().readTree(folder.resolve(StudyRunner.JSON_FILE).toFile());
    assertThat(json.get("variants")).hasSize(4);
    assertThat(json.get("variants").get(1).get("mistakes").get(0).fieldNames())
        .toIterable()
        .contains("index", "label", "predicted", "confidence");
    assertThat(json.get("nearZeroThreshold").asDouble()).isEqualTo(1e-3);

    String page = Files.readString(folder.resolve(StudyRunner.HTML_FILE));
    assertThat(page).doesNotContain("http://", "https://", "src=\"/");
    assertThat(Pattern.compile("href=\"/[^>]*").matcher(page).results().map(MatchResult::group))
        .as("links into the server: only the way back to the drawing page")
        .containsExactly("href=\"/\" id=\"back-link\"");
    assertThat(Pattern.compile("<style>").matcher(page).results().count()).isEqualTo(1);
    assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(1);
    assertThat(Pattern.compile("<li class=\"card\"").matcher(page).results().count())
        .isEqualTo(report.overlap().union().size());
    assertThat(Pattern.compile("src=\"data:image/png;base64,").matcher(page).results().count())
        .isEqualTo(report.overlap().union().size());
    assertThat(page).contains("<svg class=\"chart\"", "id=\"gallery-filters\"");
    List<String> ids =
        Pattern.compile(" id=\"([^\"]+)\"").matcher(page).results().map(m -> m.group(1)).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  @Order(2)
  void theGalleryFiltersWorkInABrowser() throws Exception {
    Chromium.requireInstalled();
    Path profile = Chromium.newProfileDirectory();
    ChromeDriver browser = Chromium.start(profile, 1280, 900);
    try {
      browser.get(folder.resolve(StudyRunner.HTML_FILE).toUri().toString());
      assertThat(browser.findElement(By.id("back-link")).isDisplayed())
          .as("a link back to a server the file did not come from")
          .isFalse();
      MistakeOverlap overlap = report.overlap();
      int all = overlap.union().size();
      assertThat(browser.findElement(By.id("gallery-status")).getText())
          .isEqualTo("Showing " + all + " of " + all + " misclassified test images.");

      browser.findElement(By.cssSelector("input[name=scope][value=shared]")).click();
      assertThat(visibleCards(browser)).isEqualTo(overlap.sharedByAll().size());

      browser.findElement(By.cssSelector("input[name=variant][value=l1-l2]")).click();
      browser.findElement(By.cssSelector("input[name=scope][value=unique]")).click();
      assertThat(visibleCards(browser)).isEqualTo(overlap.uniqueTo().get("l1-l2").size());

      browser.findElement(By.cssSelector("input[name=scope][value=any]")).click();
      assertThat(visibleCards(browser)).isEqualTo(report.variant(Variant.L1_L2).misclassified());
      assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
          .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue());
    } finally {
      browser.quit();
      Chromium.deleteProfile(profile);
    }
  }

  private static long visibleCards(ChromeDriver browser) {
    return (Long)
        browser.executeScript(
            "return document.querySelectorAll('#gallery-grid > li:not([hidden])').length");
  }

  @Test
  @Order(3)
  void aFinishedStudyIsReportedAgainWithoutTraining() throws Exception {
    Events events = new Events();
    StudyReport again = runner(events).run(() -> false).orElseThrow();

    assertThat(events.log)
        .containsExactly("reused none", "reused l1", "reused l2", "reused l1-l2", "analysing");
    assertThat(again.variants())
        .extracting(VariantResult::testAccuracy)
        .isEqualTo(report.variants().stream().map(VariantResult::testAccuracy).toList());
  }

  @Test
  @Order(3)
  void refusesToMixStudiesInOneFolder() throws Exception {
    StudyPlan other = new StudyPlan(PLAN.recipe(), 2e-4f, PLAN.l2(), TEST_IMAGES);
    assertThatThrownBy(
            () -> new StudyRunner(other, TestData.mnist(), folder, new Events()).run(() -> false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another recipe");

    // Without the plan, the models themselves tell: the unregularized one fits, L1's does not.
    Path copy = Files.createDirectory(folder.resolve("copy"));
    for (Variant variant : Variant.values()) {
      Files.copy(folder.resolve(variant.fileName()), copy.resolve(variant.fileName()));
    }
    Events events = new Events();
    assertThatThrownBy(
            () -> new StudyRunner(other, TestData.mnist(), copy, events).run(() -> false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("l1.model was trained with another recipe");
    assertThat(events.log).containsExactly("reused none");
  }

  @Test
  @Order(3)
  void theFourModelsAreServedSideBySideByName() throws Exception {
    List<TorchClassifier> classifiers = new ArrayList<>();
    for (Variant variant : Variant.values()) {
      classifiers.add(TorchClassifier.open(folder.resolve(variant.fileName())));
    }
    try (ModelCatalog catalog = ModelCatalog.of(classifiers, null)) {
      DigitsServer server =
          new DigitsServer(ServerConfig.builder().address("127.0.0.1", 0).build(), catalog).start();
      try {
        HttpClient client = HttpClient.newHttpClient();
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(drawnDigit());
        Set<String> answers = new HashSet<>();
        for (Variant variant : Variant.values()) {
          String body =
              "{\"model\": \"" + variant.modelName() + "\", \"image\": \"" + image + "\"}";
          HttpResponse<String> response =
              client.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/api/predict"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
          JsonNode answer = Json.mapper().readTree(response.body());
          assertThat(answer.at("/model/name").asText()).isEqualTo(variant.modelName());
          answers.add(answer.get("probabilities").toString());
        }
        assertThat(answers).as("four different networks give four different answers").hasSize(4);
      } finally {
        server.stop();
      }
    }
  }

  /** A test image as a PNG of dark ink on white, the way a drawing reaches the server. */
  private static byte[] drawnDigit() {
    IdxImages images = TestData.mnist().test().images();
    byte[] grey = new byte[images.imageSize()];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (byte) (255 - (images.pixels()[i] & 0xFF));
    }
    return GreyPngEncoder.encode(grey, images.cols(), images.rows());
  }

  @Test
  @Order(4)
  void variantsTrainedBySeparateRunsGiveTheSameStudyAsOneRun() throws Exception {
    Path shared = Files.createDirectory(folder.resolve("separately"));
    List<Variant> order = List.of(Variant.L2, Variant.NONE, Variant.L1_L2, Variant.L1);
    List<List<Variant>> missingAfter = new ArrayList<>();
    Optional<StudyReport> last = Optional.empty();
    for (Variant variant : order) {
      // As one pod of an Indexed Job: its own runner, one variant, the folder shared.
      StudyRunner pod = new StudyRunner(PLAN, TestData.mnist(), shared, new Events());
      last = pod.run(Set.of(variant), () -> false);
      missingAfter.add(pod.missing());
      if (variant != order.get(order.size() - 1)) {
        assertThat(last).as("no report while a variant is missing").isEmpty();
        assertThat(shared.resolve(StudyRunner.JSON_FILE)).doesNotExist();
      }
    }

    assertThat(missingAfter)
        .containsExactly(
            List.of(Variant.NONE, Variant.L1, Variant.L1_L2),
            List.of(Variant.L1, Variant.L1_L2),
            List.of(Variant.L1),
            List.of());
    assertThat(last).isPresent();
    assertThat(withoutTimes(shared.resolve(StudyRunner.JSON_FILE)))
        .as("the same seeds give the same study, but for times and dates")
        .isEqualTo(withoutTimes(folder.resolve(StudyRunner.JSON_FILE)));
    assertThat(shared.resolve(StudyRunner.HTML_FILE)).exists();
  }

  /** study.json without what differs from one run to the next: when, and how long. */
  private static JsonNode withoutTimes(Path studyJson) throws Exception {
    ObjectNode study = (ObjectNode) Json.mapper().readTree(studyJson.toFile());
    study.remove("createdAt");
    for (JsonNode variant : study.get("variants")) {
      ((ObjectNode) variant).remove("trainingSeconds");
      for (JsonNode epoch : variant.get("history")) {
        ((ObjectNode) epoch).remove("seconds");
      }
    }
    return study;
  }

  private StudyRunner runner(Events events) {
    return new StudyRunner(PLAN, TestData.mnist(), folder, events);
  }

  /** Records what the runner reports, and counts the batches of the variant in training. */
  private static final class Events implements StudyListener {
    final List<String> log = new ArrayList<>();
    final AtomicInteger batches = new AtomicInteger();
    volatile Variant variant;

    @Override
    public TrainingListener training(Variant v, TrainingConfig config, boolean resuming) {
      variant = v;
      batches.set(0);
      return new TrainingListener() {
        @Override
        public void started(Progress start) {
          log.add(
              resuming
                  ? "resume " + v.id() + " at epoch " + start.epoch() + " batch " + start.batch()
                  : "train " + v.id());
        }

        @Override
        public void batchFinished(Progress progress) {
          batches.incrementAndGet();
        }
      };
    }

    @Override
    public void reused(Variant v, ModelMetadata model) {
      log.add("reused " + v.id());
    }

    @Override
    public void saved(Variant v, Path file, ModelMetadata model) {
      log.add("saved " + v.id());
    }

    @Override
    public void analysing() {
      log.add("analysing");
    }
  }
}
