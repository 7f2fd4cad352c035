package dev.digits.cli;

import dev.digits.batch.BatchClassifier;
import dev.digits.batch.BatchInputs;
import dev.digits.batch.InputImage;
import dev.digits.batch.OutputFormat;
import dev.digits.batch.Shard;
import dev.digits.io.AtomicFiles;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.TorchClassifier;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code digits classify}: many images in, one line per image out; a shard of them per process. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify image files, folders of them (recursively, in sorted order) and IDX image files:"
          + " one line per image on standard output, as JSON or CSV, the same bytes every run.",
      "Exit code 2 when some images could not be read (their lines have an 'error')."
    },
    footer = {
      "",
      "Sharding: --shard I/N takes the I-th (from 0) of N contiguous shares of all the images;"
          + " without it, a Kubernetes Indexed Job's "
          + Shard.INDEX_VARIABLE
          + " and "
          + Shard.COUNT_VARIABLE
          + " (its completions) do the same. The outputs of shards 0 to N-1, one after another,"
          + " are the output of one run."
    })
final class ClassifyCommand implements Callable<Integer> {
  /** Exit code when every image was tried but some could not be read. */
  static final int EXIT_SOME_UNREADABLE = 2;

  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description = "PNG or JPEG files, folders of them, or IDX image files (gzipped or not).")
  List<Path> inputs;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "default",
      description = "A model file, or the name of a bundled model. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "json (one object a line) or csv (with a header). Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "64",
      description = "Images per forward pass. Default: ${DEFAULT-VALUE}.")
  void batchSize(int value) {
    if (value < 1 || value > 4096) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--batch-size must be from 1 to 4096, got " + value);
    }
    batchSize = value;
  }

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Classify only the I-th of N equal shares of the images, counting from 0 (e.g. 0/3).")
  void shard(String value) {
    try {
      shard = Shard.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
    }
  }

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description =
          "Write the lines to FILE, which appears whole once all are written (standard output by"
              + " default).")
  Path output;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "PyTorch threads per forward pass (0 = all cores). Default: ${DEFAULT-VALUE}: one core"
              + " for the forward passes beats several on this small network; to use more cores,"
              + " run more shards at once.")
  void threads(int value) {
    if (value < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--threads must be ≥ 0 (0 = all cores), got " + value);
    }
    threads = value;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where {@link Shard#INDEX_VARIABLE} and {@link Shard#COUNT_VARIABLE} come from. */
  Map<String, String> environment = System.getenv();

  private int batchSize = 64;
  private int threads = 1;
  private Shard shard;

  @Override
  public Integer call() throws IOException {
    Shard share = shard != null ? shard : Shard.fromEnvironment(environment);
    List<InputImage> all = BatchInputs.list(inputs);
    ModelArgument.requireExists(model);
    DjlEnvironment.configure(threads);
    int[] unreadable = new int[1];
    try (TorchClassifier classifier = ModelArgument.open(model)) {
      BatchClassifier batches = new BatchClassifier(classifier, batchSize);
      AtomicFiles.Writer lines = out -> unreadable[0] = writeLines(batches, all, share, out);
      if (output == null) {
        lines.writeTo(System.out);
      } else {
        // A pod that is killed and run again must not leave half a file for the merge to read.
        AtomicFiles.write(output, lines);
      }
    }
    System.err.println(summary(share, all.size(), share.size(all.size()), unreadable[0]));
    return unreadable[0] == 0 ? 0 : EXIT_SOME_UNREADABLE;
  }

  /** Writes the shard's lines to {@code stream}, and says how many images could not be read. */
  private int writeLines(
      BatchClassifier batches, List<InputImage> all, Shard share, OutputStream stream)
      throws IOException {
    Writer out =
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    try {
      if (format.header() != null) {
        out.write(format.header() + "\n");
      }
      return batches.classify(
          all, share, result -> write(out, format.line(result)), ClassifyProgress.onStderr());
    } finally {
      out.flush();
    }
  }

  private static void write(Writer out, String line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String summary(Shard share, int all, int mine, int unreadable) {
    String line =
        String.format(
            Locale.ROOT,
            "digits: classified %,d image%s",
            mine - unreadable,
            mine - unreadable == 1 ? "" : "s");
    if (unreadable > 0) {
      line += String.format(Locale.ROOT, "; %,d could not be read", unreadable);
    }
    if (!share.equals(Shard.ALL)) {
      line += String.format(Locale.ROOT, " (shard %s: %,d of %,d)", share, mine, all);
    }
    return line;
  }
}
