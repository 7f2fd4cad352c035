package dev.digits.batch;

import dev.digits.data.IdxImages;
import dev.digits.data.IdxReader;
import dev.digits.model.DecisionRule;
import dev.digits.model.DigitClassifier;
import dev.digits.model.InkExtent;
import dev.digits.model.Prediction;
import dev.digits.preprocessing.Diagnostics;
import dev.digits.preprocessing.DigitImage;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import dev.digits.preprocessing.PreprocessingLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Classifies a list of images in batches: each image file preprocessed exactly as the server
 * preprocesses an upload (a {@link DigitPreprocessor} with the server's default limits), each IDX
 * image taken as it is, like the pixels of the Open Inference Protocol's {@code input}; then one
 * forward pass per batch and the model's {@link DecisionRule}. Images are preprocessed in parallel
 * and reported in their list's order. An image that cannot be read becomes an error result; the
 * others go on.
 */
public final class BatchClassifier {
  /** Progress, for a console to show. */
  @FunctionalInterface
  public interface Listener {
    /** {@code done} of {@code total} images have been classified or found unreadable. */
    void classified(int done, int total);
  }

  private final DigitClassifier classifier;
  private final DecisionRule rule;
  private final DigitPreprocessor preprocessor;
  private final PreprocessingLimits limits;
  private final int batchSize;
  private final IdxFiles idxFiles = new IdxFiles();

  /**
   * @param batchSize images per forward pass, at least 1
   */
  public BatchClassifier(DigitClassifier classifier, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.classifier = classifier;
    this.rule = DecisionRule.of(classifier.metadata());
    this.limits = PreprocessingLimits.DEFAULT;
    this.preprocessor = new DigitPreprocessor(limits);
    this.batchSize = batchSize;
  }

  /**
   * Classifies {@code shard}'s share of {@code images} and hands each result to {@code results}, in
   * order.
   *
   * <p>A forward pass's figures depend on the shape of its batch (PyTorch picks its kernels by
   * shape), not on the other images in it. So that an image gets the same bytes whichever shard it
   * falls in, every pass has exactly the batch size, the last one filled with blank images, and
   * batches start at multiples of the batch size in the whole list, not in the shard: each image
   * sits at the same place in a batch of the same shape in every run.
   *
   * @return how many images could not be read
   */
  public int classify(
      List<InputImage> images, Shard shard, Consumer<Classification> results, Listener listener) {
    int from = shard.from(images.size());
    int to = from + shard.size(images.size());
    int failed = 0;
    for (int start = from; start < to; start = (start / batchSize + 1) * batchSize) {
      int end = Math.min(to, (start / batchSize + 1) * batchSize);
      for (Classification result : classifyBatch(images.subList(start, end), start % batchSize)) {
        results.accept(result);
        failed += result.failed() ? 1 : 0;
      }
      listener.classified(end - from, to - from);
    }
    return failed;
  }

  /**
   * @param offset where the images sit in their full-size batch
   */
  private List<Classification> classifyBatch(List<InputImage> batch, int offset) {
    List<Input> inputs = batch.parallelStream().map(this::prepare).toList();
    List<float[]> pixels = new ArrayList<>(batchSize);
    float[] blank = new float[DigitClassifier.PIXELS];
    while (pixels.size() < batchSize) {
      int i = pixels.size() - offset;
      boolean readable = i >= 0 && i < inputs.size() && inputs.get(i).error() == null;
      pixels.add(readable ? inputs.get(i).pixels() : blank);
    }
    List<Prediction> predictions = classifier.classifyAll(pixels);
    List<Classification> results = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Input input = inputs.get(i);
      String name = batch.get(i).name();
      if (input.error() != null) {
        results.add(Classification.unreadable(name, input.error()));
      } else {
        Prediction prediction = predictions.get(offset + i);
        results.add(
            Classification.classified(name, prediction, rule.decide(prediction, input.ink())));
      }
    }
    return results;
  }

  /** The model's input for one image, and the size of its ink; or why there is none. */
  private record Input(float[] pixels, InkExtent ink, String error) {
    static Input failed(String error) {
      return new Input(null, null, error);
    }
  }

  private Input prepare(InputImage image) {
    if (image.problem() != null) {
      return Input.failed(image.problem());
    }
    try {
      return image.inIdxFile() ? idxImage(image) : imageFile(image.file());
    } catch (IOException e) {
      return Input.failed("cannot read: " + e.getMessage());
    } catch (PreprocessingException e) {
      return Input.failed(e.getMessage());
    }
  }

  private Input imageFile(Path file) throws IOException, PreprocessingException {
    long size = Files.size(file);
    if (size > limits.maxEncodedBytes()) {
      return Input.failed(
          String.format(
              Locale.ROOT,
              "%,d bytes, over the %,d bytes the server accepts for one image",
              size,
              limits.maxEncodedBytes()));
    }
    DigitImage image = preprocessor.fromEncoded(Files.readAllBytes(file));
    return new Input(image.pixels(), inkExtent(image.diagnostics()), null);
  }

  /** As the server measures it for the decision's "too small". */
  private static InkExtent inkExtent(Diagnostics diagnostics) {
    Diagnostics.InkBounds ink = diagnostics.inkBounds();
    return new InkExtent(
        Math.max(1, Math.max(ink.width(), ink.height())),
        Math.max(1, Math.min(diagnostics.sourceWidth(), diagnostics.sourceHeight())));
  }

  private Input idxImage(InputImage image) throws IOException {
    IdxImages idx = idxFiles.get(image.file());
    if (idx.rows() * idx.cols() != DigitClassifier.PIXELS) {
      return Input.failed(
          "IDX images of "
              + idx.rows()
              + " × "
              + idx.cols()
              + " pixels; only MNIST's 28 × 28 are read as they are");
    }
    // Already the model's input, like MNIST's own images: its original size is unknown, so it is
    // never "too small".
    return new Input(idx.image(image.idxIndex()), null, null);
  }

  /** The IDX file read last, kept while its images are classified: they come one after another. */
  private static final class IdxFiles {
    private Path file;
    private IdxImages images;
    private IOException failure;

    synchronized IdxImages get(Path wanted) throws IOException {
      if (!wanted.equals(file)) {
        file = wanted;
        images = null;
        failure = null;
        try {
          images = IdxReader.readImages(wanted);
        } catch (IOException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw failure;
      }
      return images;
    }
  }
}
