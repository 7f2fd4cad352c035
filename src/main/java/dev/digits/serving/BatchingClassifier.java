package dev.digits.serving;

import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A classifier whose forward passes run on a few dedicated threads, each pass taking every image
 * that is waiting at that moment (up to a maximum).
 *
 * <p>Why: a small CNN's forward pass costs nearly as much CPU for one image as for several (fixed
 * costs per operation, small matrix products that batching enlarges), so under load, when requests
 * queue anyway, batching them buys throughput. There is no timer: an idle server runs each image at
 * once, alone, and batches only form from requests that would have waited for a core regardless.
 * Limiting the passes in flight to the cores also keeps PyTorch from competing with itself.
 *
 * <p>Predictions may differ from unbatched ones in the last bits of a float, as with any change of
 * batch size. Closing stops the threads after the pass in progress and closes the wrapped model.
 */
public final class BatchingClassifier implements DigitClassifier {
  private final DigitClassifier model;
  private final int maxBatch;
  private final BlockingQueue<Job> waiting = new LinkedBlockingQueue<>();
  private final List<Thread> workers;
  private final InferenceObserver observer;
  private volatile boolean closed;

  /** A batching classifier whose work nobody observes. */
  public BatchingClassifier(DigitClassifier model, int threads, int maxBatch) {
    this(model, threads, maxBatch, InferenceObserver.NONE);
  }

  /**
   * @param model the classifier to batch for; this object owns and closes it
   * @param threads how many forward passes may run at once, normally the cores divided by PyTorch's
   *     threads per pass
   * @param maxBatch the most images in one pass
   * @param observer told of every image's wait and every pass, for metrics
   */
  public BatchingClassifier(
      DigitClassifier model, int threads, int maxBatch, InferenceObserver observer) {
    if (threads < 1 || maxBatch < 1) {
      throw new IllegalArgumentException(
          "threads and maxBatch must be ≥ 1, got " + threads + " and " + maxBatch);
    }
    this.model = model;
    this.maxBatch = maxBatch;
    this.observer = observer;
    List<Thread> started = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      Thread worker =
          new Thread(this::work, "digits-inference-" + model.metadata().name() + "-" + i);
      worker.setDaemon(true);
      worker.start();
      started.add(worker);
    }
    this.workers = List.copyOf(started);
  }

  @Override
  public ModelMetadata metadata() {
    return model.metadata();
  }

  /**
   * Queues the images and waits for their predictions.
   *
   * @throws IllegalArgumentException when an image does not have {@link #PIXELS} values
   * @throws IllegalStateException when this classifier is closed, or the waiting thread is
   *     interrupted
   */
  @Override
  public List<Prediction> classifyAll(List<float[]> images) {
    List<Job> jobs = new ArrayList<>(images.size());
    for (float[] image : images) {
      // Checked here: one malformed image must not fail the other requests in its batch.
      if (image.length != PIXELS) {
        throw new IllegalArgumentException(
            "expected " + PIXELS + " pixel values, got " + image.length);
      }
      jobs.add(new Job(image, new CompletableFuture<>(), System.nanoTime()));
    }
    waiting.addAll(jobs);
    if (closed) {
      failWaiting();
    }
    List<Prediction> predictions = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      predictions.add(await(job.result()));
    }
    return predictions;
  }

  /** How many images wait for a pass at this moment: for tests, which must not guess. */
  int waitingImages() {
    return waiting.size();
  }

  @Override
  public void close() {
    closed = true;
    workers.forEach(Thread::interrupt);
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          // The model must not be closed under a pass still running; wait, then re-interrupt.
          interrupted = true;
        }
      }
    }
    failWaiting();
    model.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void work() {
    List<Job> batch = new ArrayList<>(maxBatch);
    List<float[]> images = new ArrayList<>(maxBatch);
    while (true) {
      try {
        batch.add(waiting.take());
      } catch (InterruptedException e) {
        return;
      }
      waiting.drainTo(batch, maxBatch - 1);
      long start = System.nanoTime();
      for (Job job : batch) {
        images.add(job.pixels());
        observer.waited(start - job.queuedAt());
      }
      try {
        List<Prediction> predictions = model.classifyAll(images);
        observer.forwardPass(batch.size(), System.nanoTime() - start);
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).result().complete(predictions.get(i));
        }
      } catch (RuntimeException | Error e) {
        // Fail this batch's requests, not the thread: later requests must still be answered.
        batch.forEach(job -> job.result().completeExceptionally(e));
      }
      batch.clear();
      images.clear();
    }
  }

  private void failWaiting() {
    List<Job> left = new ArrayList<>();
    waiting.drainTo(left);
    left.forEach(
        job ->
            job.result()
                .completeExceptionally(
                    new IllegalStateException(
                        "model '" + model.metadata().name() + "' is closed")));
  }

  private static Prediction await(CompletableFuture<Prediction> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a prediction", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("the prediction failed", e.getCause());
    }
  }

  private record Job(float[] pixels, CompletableFuture<Prediction> result, long queuedAt) {}
}
