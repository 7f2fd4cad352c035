package dev.digits.serving;

import dev.digits.benchmark.CanvasDrawings;
import dev.digits.model.BundledModels;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.Prediction;
import dev.digits.model.TorchClassifier;
import dev.digits.preprocessing.DigitImage;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import dev.digits.preprocessing.PreprocessingLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The work behind one {@code POST /api/predict} without HTTP, on one thread: decoding and
 * preprocessing a canvas PNG, one forward pass, both together as the server's {@link Recognizer}
 * runs them, and the forward pass per image in a batch of 8 as {@link BatchingClassifier} forms
 * under load. The drawings are those of {@code digits benchmark http}. After {@code mvn
 * test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout) org.openjdk.jmh.Main RecognizerBenchmark [-p model=FILE]
 * </pre>
 *
 * {@code model} is a model file or a bundled model's name (default: the bundled default model).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecognizerBenchmark {
  private static final int BATCH = 8;

  @Param({BundledModels.DEFAULT})
  public String model;

  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);
  private final Recognizer recognizer = new Recognizer(preprocessor);
  private TorchClassifier classifier;
  private ModelCatalog catalog;
  private List<byte[]> pngs;
  private List<float[]> inputs;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException, PreprocessingException {
    // As digits serve: one PyTorch thread per forward pass.
    DjlEnvironment.configure(1);
    Path file = Path.of(model);
    classifier = Files.exists(file) ? TorchClassifier.open(file) : BundledModels.open(model);
    catalog = ModelCatalog.of(classifier);
    pngs = new ArrayList<>();
    inputs = new ArrayList<>();
    for (CanvasDrawings.Drawing drawing : CanvasDrawings.generate(50, 1)) {
      pngs.add(drawing.png());
      inputs.add(preprocessor.fromEncoded(drawing.png()).pixels());
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    catalog.close();
  }

  private int nextIndex() {
    next = (next + 1) % pngs.size();
    return next;
  }

  @Benchmark
  public DigitImage preprocess() throws PreprocessingException {
    return preprocessor.fromEncoded(pngs.get(nextIndex()));
  }

  @Benchmark
  public Prediction infer() {
    return classifier.classify(inputs.get(nextIndex()));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<Prediction> inferPerImageInBatchOf8() {
    int first = nextIndex();
    List<float[]> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(inputs.get((first + i) % inputs.size()));
    }
    return classifier.classifyAll(batch);
  }

  @Benchmark
  public Recognizer.Recognition recognize() throws PreprocessingException {
    return recognizer.recognize(
        catalog.defaultModel(), new ImageInput.Encoded(pngs.get(nextIndex())), false);
  }
}
