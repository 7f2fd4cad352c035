package dev.digits.cli;

import dev.digits.model.BundledModels;
import dev.digits.model.DigitClassifier;
import dev.digits.serving.BatchingClassifier;
import dev.digits.serving.ModelCatalog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
   * Loads every model and puts each behind a {@link BatchingClassifier} whose forward passes run on
   * {@link #inferenceThreads} threads; closes what it loaded when one fails.
   *
   * @param defaultName the model requests get when they name none; null for the first
   * @throws IOException when a model file cannot be read
   * @throws IllegalArgumentException when two models share a name or none has {@code defaultName}
   */
  static ModelCatalog load(List<String> models, String defaultName, int intraOpThreads)
      throws IOException {
    int passes = inferenceThreads(Runtime.getRuntime().availableProcessors(), intraOpThreads);
    List<DigitClassifier> loaded = new ArrayList<>(models.size());
    try {
      for (String model : models) {
        loaded.add(new BatchingClassifier(ModelArgument.open(model), passes, MAX_BATCH));
      }
      return ModelCatalog.of(loaded, defaultName);
    } catch (IOException | RuntimeException e) {
      loaded.forEach(DigitClassifier::close);
      throw e;
    }
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
