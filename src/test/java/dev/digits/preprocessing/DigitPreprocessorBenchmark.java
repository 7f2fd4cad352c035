package dev.digits.preprocessing;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per request for what the server mostly receives: a canvas exported as a transparent PNG data
 * URL with a black digit. Run after {@code mvn test-compile} with
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.openjdk.jmh.Main DigitPreprocessorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigitPreprocessorBenchmark {

  @Param({"280", "600"})
  public int side;

  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);
  private String canvasDataUrl;
  private byte[] photoJpeg;

  @Setup(Level.Trial)
  public void drawInputs() {
    BufferedImage canvas =
        DigitDrawing.draw(
            DigitDrawing.canvas(side, side, null),
            DigitDrawing.Shape.SEVEN,
            new Rectangle2D.Double(side * 0.25, side * 0.2, side * 0.5, side * 0.6),
            side / 16f,
            Color.BLACK);
    canvasDataUrl = DigitDrawing.dataUrl("image/png", DigitDrawing.png(canvas));
    BufferedImage paper =
        DigitDrawing.blackOnWhite(
            side,
            DigitDrawing.Shape.ZERO,
            new Rectangle2D.Double(side * 0.3, side * 0.2, side * 0.4, side * 0.6),
            side / 40f);
    photoJpeg = DigitDrawing.jpeg(PhotoSimulation.photograph(paper, 1), 0.85f);
  }

  @Benchmark
  public DigitImage canvasPngDataUrl() throws PreprocessingException {
    return preprocessor.fromDataUrl(canvasDataUrl);
  }

  @Benchmark
  public DigitImage photoJpeg() throws PreprocessingException {
    return preprocessor.fromEncoded(photoJpeg);
  }
}
