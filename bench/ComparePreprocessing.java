import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compares the preprocessing CPU of two builds in one JVM:
 *
 * <pre>
 * java bench/ComparePreprocessing.java BEFORE.jar AFTER.jar [threads] [rounds] [round-ms]
 * java bench/ComparePreprocessing.java target/digits.jar target/digits.jar:imageio
 * </pre>
 *
 * <p>A jar named with {@code :imageio} decodes PNGs with ImageIO, as {@code serve --png-decoder
 * imageio} does: the second line compares the two PNG paths of one build.
 *
 * <p>Why one JVM: this machine's speed drifts by up to 30 % within an hour, more than most changes
 * are worth, so two runs one after the other compare the hours, not the builds. Here each jar's
 * {@code DigitPreprocessor} is loaded by its own class loader, rounds alternate between them (the
 * order swapping every round), and each pair of rounds gives one ratio of CPU time per image; the
 * median ratio over the pairs is the answer. The first third of the rounds warm the JIT up and are
 * not counted. The drawings are the HTTP benchmark's: 200 white 280 × 280 canvases as Chromium
 * encodes them.
 */
public final class ComparePreprocessing {

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println(
          "usage: java bench/ComparePreprocessing.java BEFORE.jar AFTER.jar [threads] [rounds]"
              + " [round-ms]");
      System.exit(2);
    }
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 90;
    long roundNanos = (args.length > 4 ? Long.parseLong(args[4]) : 700) * 1_000_000L;
    Build before = Build.load(args[0]);
    Build after = Build.load(args[1]);
    List<byte[]> drawings = before.drawings(200);

    List<Double> ratios = new ArrayList<>();
    List<Double> beforeMicros = new ArrayList<>();
    List<Double> afterMicros = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      boolean beforeFirst = round % 2 == 0;
      double first = cpuMicrosPerImage(beforeFirst ? before : after, drawings, threads, roundNanos);
      double second = cpuMicrosPerImage(beforeFirst ? after : before, drawings, threads, roundNanos);
      if (round >= rounds / 3) {
        double b = beforeFirst ? first : second;
        double a = beforeFirst ? second : first;
        beforeMicros.add(b);
        afterMicros.add(a);
        ratios.add(a / b);
      }
    }
    System.out.printf(
        "%s: median %.0f µs CPU per image%n%s: median %.0f µs CPU per image%n",
        args[0], median(beforeMicros), args[1], median(afterMicros));
    Collections.sort(ratios);
    System.out.printf(
        "after / before: median ratio %.3f (quartiles %.3f–%.3f, %d pairs of rounds, %d"
            + " thread%s)%n",
        median(ratios),
        ratios.get(ratios.size() / 4),
        ratios.get(3 * ratios.size() / 4),
        ratios.size(),
        threads,
        threads == 1 ? "" : "s");
  }

  /** Preprocesses drawings on {@code threads} threads for one round; thread CPU per image. */
  private static double cpuMicrosPerImage(
      Build build, List<byte[]> drawings, int threads, long roundNanos) throws Exception {
    ThreadMXBean clocks = ManagementFactory.getThreadMXBean();
    AtomicLong cpuNanos = new AtomicLong();
    AtomicLong images = new AtomicLong();
    long end = System.nanoTime() + roundNanos;
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      int start = t * 13;
      Thread worker =
          new Thread(
              () -> {
                long cpuBefore = clocks.getCurrentThreadCpuTime();
                long done = 0;
                try {
                  for (int i = start; System.nanoTime() < end; i++, done++) {
                    build.preprocess(drawings.get(i % drawings.size()));
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
                cpuNanos.addAndGet(clocks.getCurrentThreadCpuTime() - cpuBefore);
                images.addAndGet(done);
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("preprocessing failed", failures.get(0));
    }
    return cpuNanos.get() / 1e3 / Math.max(1, images.get());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** One jar's preprocessor and benchmark drawings, reached by reflection through its loader. */
  private record Build(ClassLoader loader, MethodHandle preprocess) {
    static Build load(String spec) throws Exception {
      boolean imageIo = spec.endsWith(":imageio");
      Path jar = Path.of(imageIo ? spec.substring(0, spec.length() - ":imageio".length()) : spec);
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> limits = loader.loadClass("dev.digits.preprocessing.PreprocessingLimits");
      Class<?> preprocessor = loader.loadClass("dev.digits.preprocessing.DigitPreprocessor");
      Class<?> digitImage = loader.loadClass("dev.digits.preprocessing.DigitImage");
      Object defaultLimits = limits.getField("DEFAULT").get(null);
      Object instance;
      if (imageIo) {
        Class<?> budget = loader.loadClass("dev.digits.preprocessing.DecodingBudget");
        Class<?> decoder = loader.loadClass("dev.digits.preprocessing.PngDecoder");
        instance =
            preprocessor
                .getConstructor(limits, budget, decoder)
                .newInstance(
                    defaultLimits,
                    budget.getMethod("unlimited").invoke(null),
                    decoder.getField("IMAGEIO").get(null));
      } else {
        instance = preprocessor.getConstructor(limits).newInstance(defaultLimits);
      }
      MethodHandle fromEncoded =
          MethodHandles.publicLookup()
              .findVirtual(
                  preprocessor, "fromEncoded", MethodType.methodType(digitImage, byte[].class))
              .bindTo(instance)
              .asType(MethodType.methodType(Object.class, byte[].class));
      return new Build(loader, fromEncoded);
    }

    void preprocess(byte[] png) throws Throwable {
      Object ignored = preprocess.invokeExact(png);
    }

    List<byte[]> drawings(int count) throws Exception {
      Class<?> drawings = loader.loadClass("dev.digits.benchmark.CanvasDrawings");
      Class<?> background = loader.loadClass("dev.digits.benchmark.CanvasDrawings$Background");
      List<?> generated =
          (List<?>)
              drawings
                  .getMethod("generate", int.class, long.class, background)
                  .invoke(null, count, 7L, background.getField("WHITE").get(null));
      List<byte[]> pngs = new ArrayList<>();
      for (Object drawing : generated) {
        pngs.add((byte[]) drawing.getClass().getMethod("png").invoke(drawing));
      }
      return pngs;
    }
  }
}
