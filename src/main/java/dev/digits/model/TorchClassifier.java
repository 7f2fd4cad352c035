package dev.digits.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link DigitClassifier} backed by a model file and PyTorch through DJL. */
public final class TorchClassifier implements DigitClassifier {
  private final LoadedModel loaded;
  private final Inference inference;

  /** A classifier of a model file already loaded; it owns and closes {@code loaded}. */
  public TorchClassifier(LoadedModel loaded) {
    this.loaded = loaded;
    this.inference = Inference.of(loaded);
  }

  /** Opens a model file. */
  public static TorchClassifier open(Path modelFile) throws IOException {
    return new TorchClassifier(ModelFile.load(modelFile));
  }

  /** Opens a model from a stream; {@code source} names it in messages. */
  public static TorchClassifier open(String source, InputStream in) throws IOException {
    return new TorchClassifier(ModelFile.load(source, in));
  }

  @Override
  public ModelMetadata metadata() {
    return loaded.metadata();
  }

  @Override
  public List<Prediction> classifyAll(List<float[]> images) {
    int count = images.size();
    float[] pixels = new float[count * PIXELS];
    for (int i = 0; i < count; i++) {
      float[] image = images.get(i);
      if (image.length != PIXELS) {
        throw new IllegalArgumentException(
            "image " + i + " has " + image.length + " pixels, expected " + PIXELS);
      }
      System.arraycopy(image, 0, pixels, i * PIXELS, PIXELS);
    }
    float[] probabilities = inference.probabilities(pixels, count);
    int outputs = inference.outputs();
    List<Prediction> predictions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      predictions.add(
          new Prediction(Arrays.copyOfRange(probabilities, i * outputs, (i + 1) * outputs)));
    }
    return predictions;
  }

  /** The raw inference path, for evaluation of many images at once. */
  public Inference inference() {
    return inference;
  }

  @Override
  public void close() {
    inference.close();
    loaded.close();
  }
}
