package dev.digits.serving;

import dev.digits.model.BundledModels;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.TorchClassifier;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import dev.digits.preprocessing.PreprocessingLimits;
import dev.digits.reading.NumberReader;
import dev.digits.reading.NumberReading;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code POST /api/read} of a four-digit number costs against {@code POST /api/predict} of one
 * digit, without HTTP, on one thread: the page's exports, a 280 × 280 canvas with a 7 and an 840 ×
 * 280 one with "2047" written apart. After {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout) org.openjdk.jmh.Main ReadCostBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadCostBenchmark {
  @Param({BundledModels.DEFAULT})
  public String model;

  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);
  private final Recognizer recognizer = new Recognizer(preprocessor);
  private final NumberReader reader = new NumberReader(preprocessor);
  private TorchClassifier classifier;
  private byte[] digit;
  private byte[] number;

  @Setup
  public void load() throws IOException {
    DjlEnvironment.configure(1);
    Path file = Path.of(model);
    classifier = Files.exists(file) ? TorchClassifier.open(file) : BundledModels.open(model);
    digit = TestImages.encode(HandDrawnDigits.render(7, 280, 0.08), "png");
    number = TestImages.encode(written(List.of(2, 0, 4, 7)), "png");
  }

  @TearDown
  public void close() {
    classifier.close();
  }

  /** The digits drawn as the page's wide pad exports them, each in a 210-pixel-wide slot. */
  static BufferedImage written(List<Integer> digits) {
    BufferedImage image = new BufferedImage(840, 280, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 840, 280);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(0.08f * 280, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0; i < digits.size(); i++) {
      double left = 210 * i - 35;
      for (List<double[]> stroke : HandDrawnDigits.strokes(digits.get(i))) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(left + stroke.get(0)[0] * 280, stroke.get(0)[1] * 280);
        for (double[] point : stroke.subList(1, stroke.size())) {
          path.lineTo(left + point[0] * 280, point[1] * 280);
        }
        g.draw(path);
      }
    }
    g.dispose();
    return image;
  }

  @Benchmark
  public Recognizer.Recognition predictOneDigit() throws PreprocessingException {
    return recognizer.recognize(classifier, new ImageInput.Encoded(digit), false);
  }

  @Benchmark
  public NumberReading readFourDigits() throws PreprocessingException {
    NumberReading reading = reader.read(classifier, p -> p.inkFromEncoded(number));
    if (!reading.number().equals("2047")) {
      throw new IllegalStateException("read " + reading.number());
    }
    return reading;
  }
}
