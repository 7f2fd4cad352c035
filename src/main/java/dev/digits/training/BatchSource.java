package dev.digits.training;

import dev.digits.data.LabelledImages;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata.InputSpec;
import dev.digits.model.TrainingConfig.Augmentation;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Training batches: each epoch visits the training examples of every part (MNIST's images, pen
 * digits drawn on the canvas, generated non-digits) in a fresh random order, in full batches (a
 * last partial batch is dropped; the next epoch's order differs), each image randomly distorted and
 * normalized. Batch {@code b} of epoch {@code e} is a pure function of the seed, {@code e} and
 * {@code b}, so a resumed run sees the same batches. The next batch is prepared on a background
 * thread while the network trains on the current one.
 */
final class BatchSource implements AutoCloseable {

  /** One batch: normalized pixels and labels (as floats, which DJL's loss expects). */
  record Batch(int epoch, int index, float[] pixels, float[] labels) {
    int size() {
      return labels.length;
    }
  }

  /**
   * Examples of one source: the images at {@code indices} of {@code images}.
   *
   * @param name what they are, for messages
   * @param images the images and their labels
   * @param indices the ones to train on
   */
  record Part(String name, LabelledImages images, int[] indices) {
    /** All of {@code images}. */
    static Part all(String name, LabelledImages images) {
      return new Part(name, images, java.util.stream.IntStream.range(0, images.size()).toArray());
    }
  }

  private final List<Part> parts;

  /** Index of each example of the epoch in the parts laid end to end: its part's first index. */
  private final int[] partStarts;

  private final int[] indices;
  private final int batchSize;
  private final Augmenter augmenter;
  private final boolean augment;
  private final InputSpec input;
  private final long seed;
  private final ExecutorService prefetcher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "batch-prefetch");
            thread.setDaemon(true);
            return thread;
          });
  private int orderEpoch = -1;
  private int[] order;
  private CompletableFuture<Batch> pending;

  BatchSource(
      List<Part> parts, int batchSize, Augmentation augmentation, InputSpec input, long seed) {
    this.parts = List.copyOf(parts);
    this.partStarts = new int[parts.size()];
    int total = 0;
    for (int p = 0; p < parts.size(); p++) {
      partStarts[p] = total;
      total += parts.get(p).indices().length;
    }
    if (total < batchSize) {
      throw new IllegalArgumentException(
          "batch size " + batchSize + " is larger than the " + total + " training examples");
    }
    this.indices = java.util.stream.IntStream.range(0, total).toArray();
    this.batchSize = batchSize;
    this.augmenter = new Augmenter(augmentation);
    this.augment = augmentation.enabled();
    this.input = input;
    this.seed = seed;
  }

  /** Full batches per epoch. */
  int batchesPerEpoch() {
    return indices.length / batchSize;
  }

  /**
   * Batch {@code batch} of {@code epoch}; starts preparing the following one in the background.
   * Calls must come in order within an epoch for the prefetch to help; any order is correct.
   */
  Batch next(int epoch, int batch) {
    Batch result;
    if (pending != null) {
      Batch ready = pending.join();
      result = ready.epoch() == epoch && ready.index() == batch ? ready : make(epoch, batch);
    } else {
      result = make(epoch, batch);
    }
    int following = batch + 1;
    pending =
        following < batchesPerEpoch()
            ? CompletableFuture.supplyAsync(() -> make(epoch, following), prefetcher)
            : null;
    return result;
  }

  /** Builds a batch from scratch; deterministic. */
  synchronized Batch make(int epoch, int batch) {
    int[] epochOrder = orderOf(epoch);
    int size = DigitClassifier.PIXELS;
    float[] raw = new float[size];
    float[] distorted = new float[size];
    float[] pixels = new float[batchSize * size];
    float[] labels = new float[batchSize];
    SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 2, epoch, batch));
    for (int i = 0; i < batchSize; i++) {
      int example = epochOrder[batch * batchSize + i];
      int part = partOf(example);
      LabelledImages data = parts.get(part).images();
      int index = parts.get(part).indices()[example - partStarts[part]];
      data.images().copyImage(index, raw, 0);
      float[] image = raw;
      if (augment) {
        augmenter.augment(raw, 0, distorted, 0, random);
        image = distorted;
      }
      input.normalize(image, 0, pixels, i * size, size);
      labels[i] = data.label(index);
    }
    return new Batch(epoch, batch, pixels, labels);
  }

  /** The part that example {@code example} of the laid-out parts belongs to. */
  private int partOf(int example) {
    int part = java.util.Arrays.binarySearch(partStarts, example);
    if (part < 0) {
      return -part - 2;
    }
    // Parts without examples share a start with the next: the last of them holds the example.
    while (part + 1 < partStarts.length && partStarts[part + 1] == example) {
      part++;
    }
    return part;
  }

  private int[] orderOf(int epoch) {
    if (epoch != orderEpoch) {
      order = indices.clone();
      SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 1, epoch));
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      orderEpoch = epoch;
    }
    return order;
  }

  @Override
  public void close() {
    prefetcher.shutdownNow();
  }
}
