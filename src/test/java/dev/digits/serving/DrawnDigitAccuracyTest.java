package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.TestData;
import dev.digits.data.LabelledImages;
import dev.digits.model.Prediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bundled model reads digits drawn on the page's canvas, end to end: MNIST test digits re-drawn
 * by {@link CanvasRedrawer} at every size, place and pen width a person might use, in the colours a
 * browser exports, sent as data URLs to {@code POST /api/predict} on a real {@link DigitsServer}.
 *
 * <p>Prints the accuracy by digit size, pen width, pen width relative to the size and colours, so a
 * weakness shows where it is; the digits it misses are saved under {@code target/drawn-digits/}
 * beside what the model saw of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrawnDigitAccuracyTest {
  /** Fixes the sample and every drawing. */
  private static final long SEED = 20_251_123L;

  private static final int SAMPLE = 1_000;
  private static final double TARGET = 0.98;
  private static final Path MISSES = Path.of("target", "drawn-digits");
  private static final int MISSES_LISTED = 25;

  private ModelCatalog catalog;
  private RunningServer server;
  private LabelledImages test;

  @BeforeAll
  void start() {
    if (BundledCatalog.missing().isPresent()) {
      return; // each test says why it is skipped
    }
    catalog = BundledCatalog.open();
    server = RunningServer.start(catalog);
    test = TestData.mnist().test();
  }

  @BeforeEach
  void requireModel() {
    BundledCatalog.requireDefaultModel();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (catalog != null) {
      catalog.close();
    }
  }

  @Test
  void legibleDrawingsAreRecognizedAsWellAsMnistItself() {
    int[] sample = sample(SEED, SAMPLE);
    List<Outcome> outcomes =
        recognize(new CanvasRedrawer(SEED, CanvasRedrawer.Ranges.LEGIBLE), sample);
    double baseline = mnistAccuracy(sample);

    String report = report("Legible drawings", SEED, outcomes, baseline);
    System.out.println(report);
    saveMisses("legible", outcomes);

    assertThat(accuracy(outcomes)).as(report).isGreaterThanOrEqualTo(TARGET);
    // Real digits are declined at most once in a hundred, and counting each decline as a mistake
    // the drawings are still read as well.
    assertThat(declined(outcomes)).as(report).isLessThanOrEqualTo(0.01);
    assertThat(acceptedAccuracy(outcomes)).as(report).isGreaterThanOrEqualTo(TARGET);
  }

  /**
   * Pens too thick for the digit fill its loops in: a known limit, measured so that it shows and so
   * that a change that makes it worse fails. The page's default pen (22 px on the exported 280 px)
   * draws a 60 px digit this way. Thinning the strokes (StrokeThinner) lifted this from 82.0 % to
   * 93.3 %; it cannot reopen a loop the pen has already filled.
   */
  @Test
  void pensTooThickForTheDigitAreTheKnownWeakness() {
    int[] sample = sample(SEED + 1, 300);
    List<Outcome> outcomes =
        recognize(new CanvasRedrawer(SEED + 1, CanvasRedrawer.Ranges.TOO_THICK), sample);

    String report =
        report("Pens too thick for the digit", SEED + 1, outcomes, mnistAccuracy(sample));
    System.out.println(report);
    saveMisses("too-thick", outcomes);

    assertThat(accuracy(outcomes)).as(report).isGreaterThanOrEqualTo(0.93);
  }

  /** The outcome of one drawing: what was drawn and what the server answered. */
  private record Outcome(
      CanvasRedrawer.Drawing drawing, int predicted, double confidence, boolean accepted) {
    boolean correct() {
      return predicted == drawing.label();
    }
  }

  /** {@code count} distinct test indices in a seeded random order. */
  private int[] sample(long seed, int count) {
    List<Integer> indices = new ArrayList<>(IntStream.range(0, test.size()).boxed().toList());
    Collections.shuffle(indices, new Random(seed));
    return indices.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Draws and sends every sampled digit, two at a time (the drawing is as costly as the answer).
   */
  private List<Outcome> recognize(CanvasRedrawer redrawer, int[] sample) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Outcome>> futures = new ArrayList<>(sample.length);
      for (int index : sample) {
        futures.add(
            pool.submit(
                () -> {
                  CanvasRedrawer.Drawing drawing =
                      redrawer.redraw(index, test.images().image(index), test.label(index));
                  JsonNode answer = predict(drawing, false);
                  return new Outcome(
                      drawing,
                      answer.get("digit").asInt(),
                      answer.get("confidence").asDouble(),
                      answer.get("accepted").asBoolean());
                }));
      }
      List<Outcome> outcomes = new ArrayList<>(sample.length);
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private JsonNode predict(CanvasRedrawer.Drawing drawing, boolean includeInput) {
    HttpResponse<String> response =
        server.postJson(
            "/api/predict",
            "{\"image\": \"" + drawing.dataUrl() + "\", \"includeInput\": " + includeInput + "}");
    assertThat(response.statusCode()).as(drawing + ": " + response.body()).isEqualTo(200);
    return RunningServer.json(response);
  }

  /** The default model's accuracy on the same digits as MNIST gives them, without any drawing. */
  private double mnistAccuracy(int[] sample) {
    List<float[]> images = new ArrayList<>(sample.length);
    for (int index : sample) {
      images.add(test.images().image(index));
    }
    List<Prediction> predictions = catalog.defaultModel().classifyAll(images);
    int correct = 0;
    for (int i = 0; i < sample.length; i++) {
      if (predictions.get(i).digit() == test.label(sample[i])) {
        correct++;
      }
    }
    return (double) correct / sample.length;
  }

  private static double accuracy(List<Outcome> outcomes) {
    return outcomes.stream().filter(Outcome::correct).count() / (double) outcomes.size();
  }

  private static double declined(List<Outcome> outcomes) {
    return outcomes.stream().filter(o -> !o.accepted()).count() / (double) outcomes.size();
  }

  private static double acceptedAccuracy(List<Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.accepted() && o.correct()).count()
        / (double) outcomes.size();
  }

  private String report(String title, long seed, List<Outcome> outcomes, double baseline) {
    long correct = outcomes.stream().filter(Outcome::correct).count();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%n%s through POST /api/predict, model '%s', seed %d:%n"
                + "  accuracy %.1f%% (%d/%d); the same digits as MNIST gives them: %.1f%%%n"
                + "  declined %.1f%%; accuracy counting declines as mistakes %.1f%%%n",
            title,
            catalog.defaultName(),
            seed,
            100.0 * correct / outcomes.size(),
            correct,
            outcomes.size(),
            100 * baseline,
            100 * declined(outcomes),
            100 * acceptedAccuracy(outcomes)));
    breakdown(
        text,
        "digit size (px, longer side of the ink)",
        outcomes,
        o -> o.drawing().size(),
        60,
        100,
        140,
        180,
        220,
        273);
    breakdown(
        text, "pen width (px)", outcomes, o -> o.drawing().stroke(), 3, 6, 10, 15, 20, 25, 41);
    breakdown(
        text,
        "pen width / digit size",
        outcomes,
        o -> o.drawing().strokeShare(),
        0,
        0.05,
        0.1,
        0.15,
        0.2,
        0.25,
        0.3,
        0.35,
        0.41);
    text.append("  by colours:");
    for (CanvasRedrawer.Style style : CanvasRedrawer.Style.values()) {
      List<Outcome> those = outcomes.stream().filter(o -> o.drawing().style() == style).toList();
      if (!those.isEmpty()) {
        text.append(String.format(Locale.ROOT, "  %s %s", style, percent(those)));
      }
    }
    List<Outcome> misses = outcomes.stream().filter(o -> !o.correct()).toList();
    text.append(String.format("%n  misses (under %s):", MISSES));
    misses.stream()
        .limit(MISSES_LISTED)
        .forEach(
            o ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "%n    %s read as %d (%.0f%%)",
                        o.drawing(),
                        o.predicted(),
                        100 * o.confidence())));
    if (misses.size() > MISSES_LISTED) {
      text.append(String.format("%n    and %d more", misses.size() - MISSES_LISTED));
    }
    return text.toString();
  }

  /** One line per bucket {@code [edges[i], edges[i+1])} that holds any outcome. */
  private static void breakdown(
      StringBuilder text,
      String what,
      List<Outcome> outcomes,
      ToDoubleFunction<Outcome> measure,
      double... edges) {
    text.append(String.format("  by %s:", what));
    for (int i = 0; i + 1 < edges.length; i++) {
      double from = edges[i];
      double to = edges[i + 1];
      List<Outcome> those =
          outcomes.stream()
              .filter(o -> measure.applyAsDouble(o) >= from && measure.applyAsDouble(o) < to)
              .toList();
      if (!those.isEmpty()) {
        text.append(
            String.format(Locale.ROOT, "  %s–%s %s", number(from), number(to), percent(those)));
      }
    }
    text.append(System.lineSeparator());
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String percent(List<Outcome> outcomes) {
    long correct = outcomes.stream().filter(Outcome::correct).count();
    return String.format(
        Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * correct / outcomes.size(), correct, outcomes.size());
  }

  /** Each missed drawing and the 28 × 28 image the model saw of it, for a person to look at. */
  private void saveMisses(String prefix, List<Outcome> outcomes) {
    try {
      Files.createDirectories(MISSES);
      for (Outcome miss : outcomes.stream().filter(o -> !o.correct()).toList()) {
        CanvasRedrawer.Drawing drawing = miss.drawing();
        String name =
            String.format(
                Locale.ROOT,
                "%s-%05d-%d-read-as-%d",
                prefix,
                drawing.index(),
                drawing.label(),
                miss.predicted());
        Files.write(MISSES.resolve(name + ".png"), drawing.png());
        String input = predict(drawing, true).get("input").asText();
        Files.write(
            MISSES.resolve(name + "-model-input.png"),
            Base64.getDecoder().decode(input.substring(input.indexOf(',') + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
