package dev.digits.cli;

import dev.digits.model.BundledModels;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelFile;
import dev.digits.model.TorchClassifier;
import dev.digits.serving.BatchingClassifier;
import dev.digits.serving.ModelCatalog;
import dev.digits.serving.ServerMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The models a server started from the command line offers, and how they are loaded. */
final class ServedModels {
  /**
   * The most images in one forward pass. A small network's pass costs far less per image in a batch
   * than alone, and a pass of 16 is still short next to the latency a server that busy has anyway
   * (DECISIONS: "Half the cores for forward passes, batches of up to 16").
   */
  static final int MAX_BATCH = 16;

  private ServedModels() {}

  /**
   * The models to load: those named, or else every bundled model.
   *
   * @throws IOException when a named model does not exist or nothing is bundled
   */
  static List<String> resolve(List<String> named) throws IOException {
    if (named == null || named.isEmpty()) {
      List<String> bundled = BundledModels.names();
      if (bundled.isEmpty()) {
        throw new IOException(
            "this build bundles no models; name a model file with --model (see digits train)");
      }
      return bundled;
    }
    for (String model : named) {
      ModelArgument.requireExists(model);
    }
    return List.copyOf(named);
  }

  /**
   * Loads every model, the default first, and puts each behind a {@link BatchingClassifier} whose
   * forward passes run on {@link #inferenceThreads} threads. Once the default model is in, {@code
   * progress} gets the catalog of the models loaded so far after each one, so that a server can
   * answer before the rest are in. Closes what it loaded when one fails.
   *
   * @param defaultName the model requests get when they name none; null for the first
   * @param metrics told each model's load time, and given its forward passes to observe
   * @return the catalog of every model, in the order given
   * @throws IOException when a model file cannot be read
   * @throws IllegalArgumentException when two models share a name or none has {@code defaultName}
   */
  static ModelCatalog load(
      List<String> models,
      String defaultName,
      int intraOpThreads,
      ServerMetrics metrics,
      Consumer<ModelCatalog> progress)
      throws IOException {
    int passes = inferenceThreads(Runtime.getRuntime().availableProcessors(), intraOpThreads);
    Map<String, DigitClassifier> loaded = new HashMap<>();
    try {
      for (String model : defaultFirst(models, defaultName)) {
        long start = System.nanoTime();
        TorchClassifier opened = ModelArgument.open(model);
        String name = opened.metadata().name();
        metrics.modelLoaded(name, Duration.ofNanos(System.nanoTime() - start));
        loaded.put(
            model, new BatchingClassifier(opened, passes, MAX_BATCH, metrics.inference(name)));
        List<DigitClassifier> inOrder = inOrder(models, loaded);
        if (loaded.size() < models.size() && hasDefault(inOrder, models, loaded, defaultName)) {
          progress.accept(ModelCatalog.of(inOrder, defaultName));
        }
      }
      return ModelCatalog.of(inOrder(models, loaded), defaultName);
    } catch (IOException | RuntimeException e) {
      loaded.values().forEach(DigitClassifier::close);
      throw e;
    }
  }

  /**
   * The models in the order to load them: the default's file first when it can be told from the
   * command line (a bundled model's name, or a file named after it), otherwise as given.
   */
  static List<String> defaultFirst(List<String> models, String defaultName) {
    if (defaultName == null) {
      return models;
    }
    List<String> order = new ArrayList<>(models);
    for (String model : models) {
      String file = Path.of(model).getFileName().toString();
      if (model.equals(defaultName) || file.equals(defaultName + ModelFile.EXTENSION)) {
        order.remove(model);
        order.add(0, model);
        break;
      }
    }
    return order;
  }

  private static List<DigitClassifier> inOrder(
      List<String> models, Map<String, DigitClassifier> loaded) {
    return models.stream().filter(loaded::containsKey).map(loaded::get).toList();
  }

  /** Whether the default model is among those loaded: the first given, or the one named. */
  private static boolean hasDefault(
      List<DigitClassifier> inOrder,
      List<String> models,
      Map<String, DigitClassifier> loaded,
      String defaultName) {
    if (defaultName == null) {
      return loaded.containsKey(models.get(0));
    }
    return inOrder.stream().anyMatch(model -> model.metadata().name().equals(defaultName));
  }

  /**
   * How many forward passes of one model may run at once: half the cores, each pass on {@code
   * intraOpThreads} of them. Decoding and preprocessing a request costs about as much CPU as its
   * share of a batched pass, so the other half of the cores is theirs; and fewer passes in flight
   * make larger batches, which cost less per image.
   */
  static int inferenceThreads(int cores, int intraOpThreads) {
    return Math.max(1, cores / (2 * intraOpThreads));
  }
}
