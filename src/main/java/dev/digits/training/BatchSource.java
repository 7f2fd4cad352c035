package dev.digits.training;

import dev.digits.data.LabelledImages;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata.InputSpec;
import dev.digits.model.TrainingConfig.Augmentation;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Training batches: each epoch visits the training images in a fresh random order, in full batches
 * (a last partial batch is dropped; the next epoch's order differs), each image randomly distorted
 * and normalized. Batch {@code b} of epoch {@code e} is a pure function of the seed, {@code e} and
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

  private final LabelledImages data;
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
      LabelledImages data,
      int[] indices,
      int batchSize,
      Augmentation augmentation,
      InputSpec input,
      long seed) {
    if (indices.length < batchSize) {
      throw new IllegalArgumentException(
          "batch size " + batchSize + " is larger than the " + indices.length + " training images");
    }
    this.data = data;
    this.indices = indices.clone();
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
      int index = epochOrder[batch * batchSize + i];
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
