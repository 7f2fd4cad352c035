package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.digits.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way of getting the command line wrong ends the same way: a non-zero exit code and one line
 * on standard error that starts with "digits: " and says what to fix, with no stack trace.
 */
class CliErrorsTest {
  @TempDir static Path dir;

  @BeforeAll
  static void files() throws IOException {
    Path model = TestModels.untrained(dir.resolve("good.model"), "good");
    IdxFiles.images(dir.resolve("images.idx"), 20);
    IdxFiles.labels(dir.resolve("labels.idx"), 20);
    IdxFiles.labels(dir.resolve("30-labels.idx"), 30);
    IdxFiles.write(
        dir.resolve("labels-magic.idx"), IdxFiles.LABELS_MAGIC, new int[] {20}, new byte[20]);
    IdxFiles.write(
        dir.resolve("truncated.idx"), IdxFiles.IMAGES_MAGIC, new int[] {20, 28, 28}, new byte[784]);
    IdxFiles.write(
        dir.resolve("small-images.idx"),
        IdxFiles.IMAGES_MAGIC,
        new int[] {20, 8, 8},
        new byte[1280]);
    byte[] badLabels = new byte[20];
    badLabels[3] = 12;
    IdxFiles.write(dir.resolve("label-12.idx"), IdxFiles.LABELS_MAGIC, new int[] {20}, badLabels);
    Files.write(dir.resolve("broken.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6});

    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    Files.write(dir.resolve("random.model"), noise);
    Files.writeString(dir.resolve("text.model"), "this is not a model\n");
    Files.write(dir.resolve("no-metadata.model"), zip(Map.of("readme.txt", "hello".getBytes())));
    Map<String, byte[]> entries = entries(model);
    Map<String, byte[]> badJson = new HashMap<>(entries);
    badJson.put("metadata.json", "{ not json".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("bad-json.model"), zip(badJson));
    Map<String, byte[]> damaged = new HashMap<>(entries);
    byte[] weights = damaged.get("weights.params").clone();
    weights[weights.length / 2] ^= 0x55;
    damaged.put("weights.params", weights);
    Files.write(dir.resolve("damaged.model"), zip(damaged));
    Files.createDirectories(dir.resolve("a-folder.model"));

    Path fakeMnist = Files.createDirectories(dir.resolve("fake-mnist"));
    for (String name :
        new String[] {
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte"
        }) {
      Files.write(fakeMnist.resolve(name), noise);
    }
    Files.createDirectories(dir.resolve("empty"));
    Files.write(dir.resolve("junk.ckpt"), noise);
    Files.writeString(
        dir.resolve("no-comment.unipen"), ".SEGMENT DIGIT 0 ? \"1\"\n\n.PEN_DOWN\n1 2\n.PEN_UP\n");
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        // Data files
        arguments(
            "missing image file",
            "{dir}/nope.idx: file not found",
            "evaluate {dir}/good.model --images {dir}/nope.idx --labels {dir}/labels.idx"),
        arguments(
            "missing label file",
            "{dir}/nope.idx: file not found",
            "evaluate {dir}/good.model --images {dir}/images.idx --labels {dir}/nope.idx"),
        arguments(
            "images without labels",
            "--images and --labels go together",
            "evaluate {dir}/good.model --images {dir}/images.idx"),
        arguments(
            "wrong magic number",
            "labels-magic.idx: not an IDX images file: magic number 0x00000801, expected 0x00000803",
            "evaluate {dir}/good.model --images {dir}/labels-magic.idx --labels {dir}/labels.idx"),
        arguments(
            "truncated image file",
            "truncated.idx: truncated: header promises 15680 pixel bytes, file has 784",
            "evaluate {dir}/good.model --images {dir}/truncated.idx --labels {dir}/labels.idx"),
        arguments(
            "corrupt gzip",
            "broken.gz: corrupt gzip data",
            "evaluate {dir}/good.model --images {dir}/broken.gz --labels {dir}/labels.idx"),
        arguments(
            "label that is not a digit",
            "label-12.idx: label 3 is 12, not a digit 0–9",
            "evaluate {dir}/good.model --images {dir}/images.idx --labels {dir}/label-12.idx"),
        arguments(
            "counts that differ",
            "{dir}/30-labels.idx: 30 labels, but {dir}/images.idx holds 20 images",
            "evaluate {dir}/good.model --images {dir}/images.idx --labels {dir}/30-labels.idx"),
        arguments(
            "images that are not 28×28",
            "images are 8×8, the models need 28×28",
            "evaluate {dir}/good.model --images {dir}/small-images.idx --labels {dir}/labels.idx"),
        arguments(
            "image file that is a folder",
            "{dir}/empty: is a folder, not an IDX file",
            "evaluate {dir}/good.model --images {dir}/empty --labels {dir}/labels.idx"),
        arguments(
            "MNIST folder without the files",
            "MNIST file train-images-idx3-ubyte not found in {dir}/empty",
            "train --data {dir}/empty --output {dir}/out.model"),
        arguments(
            "MNIST folder with damaged files",
            "is not MNIST's",
            "evaluate {dir}/good.model --data {dir}/fake-mnist"),
        arguments(
            "pen file that does not exist",
            "digits: {dir}/nope.unipen: pen-digit file not found",
            "evaluate {dir}/good.model --images {dir}/images.idx --labels {dir}/labels.idx"
                + " --pen {dir}/nope.unipen"),
        arguments(
            "pen file that breaks the format",
            "digits: {dir}/no-comment.unipen, line 3: .PEN_DOWN before the segment's .COMMENT",
            "evaluate {dir}/good.model --images {dir}/images.idx --labels {dir}/labels.idx"
                + " --pen {dir}/no-comment.unipen"),
        arguments(
            "pen file that is a folder",
            "digits: {dir}/empty: is a folder, not a pen-digit file",
            "evaluate {dir}/good.model --images {dir}/images.idx --labels {dir}/labels.idx"
                + " --pen {dir}/empty"),
        arguments(
            "no drawings of each pen digit",
            "digits: --renders and --per-kind must be ≥ 1",
            "evaluate {dir}/good.model --images {dir}/images.idx --labels {dir}/labels.idx"
                + " --pen {dir}/no-comment.unipen --renders 0"),
        // Model files
        arguments(
            "calibrating a bundled model in place",
            "digits: 'default' is a bundled model: give --output FILE for the calibrated copy",
            "calibrate default"),
        arguments(
            "calibrating a model file that does not exist",
            "digits: {dir}/missing.model: no such model file, and no bundled model has that name",
            "calibrate {dir}/missing.model"),
        arguments(
            "random bytes as a model",
            "{dir}/random.model: not a digits model file",
            "evaluate {dir}/random.model --images {dir}/images.idx --labels {dir}/labels.idx"),
        arguments(
            "text file as a model",
            "{dir}/text.model: not a digits model file",
            "info {dir}/text.model"),
        arguments(
            "zip without metadata",
            "{dir}/no-metadata.model: not a digits model file (expected a zip with metadata.json"
                + " and weights.params)",
            "info {dir}/no-metadata.model"),
        arguments(
            "unreadable metadata",
            "{dir}/bad-json.model: unreadable metadata.json",
            "info {dir}/bad-json.model"),
        arguments(
            "damaged weights",
            "{dir}/damaged.model: the weights are damaged or were replaced",
            "evaluate {dir}/damaged.model --images {dir}/images.idx --labels {dir}/labels.idx"),
        arguments(
            "model path that does not exist",
            "{dir}/missing.model: no such model file, and no bundled model has that name",
            "evaluate {dir}/missing.model --images {dir}/images.idx --labels {dir}/labels.idx"),
        arguments(
            "folder as a model",
            "{dir}/a-folder.model: is a folder, not a model file",
            "info {dir}/a-folder.model"),
        // Flags
        arguments(
            "unknown option",
            "unknown option: '--bogus'; see 'digits train --help'",
            "train --bogus"),
        arguments("misspelt option", "(did you mean --epochs?)", "train --epoch 3"),
        arguments("unknown command", "unmatched argument at index 0: 'trian'", "trian"),
        arguments(
            "option without its value",
            "missing required parameter for option '--epochs'",
            "train --epochs"),
        arguments(
            "number that is not a number",
            "invalid value for option '--epochs': 'many' is not an int",
            "train --epochs many"),
        arguments("negative epochs", "--epochs must be ≥ 1, got -2", "train --epochs -2"),
        arguments(
            "bad architecture name",
            "unknown architecture 'resnet'; known: lean-cnn, lean-wide, digits-cnn, seed-cnn, gap-cnn",
            "train --arch resnet"),
        arguments("batch size 0", "--batch-size must be ≥ 1, got 0", "train --batch-size 0"),
        arguments("learning rate 0", "--lr must be a positive number, got 0.0", "train --lr 0"),
        arguments(
            "negative learning rate",
            "--lr must be a positive number, got -0.1",
            "train --lr -0.1"),
        arguments("negative L1", "--l1 must be a number ≥ 0, got -1.0E-4", "train --l1 -1e-4"),
        arguments("negative L2", "--l2 must be a number ≥ 0, got -1.0", "train --l2 -1"),
        arguments("bad optimizer", "--optimizer must be one of adam, sgd", "train --optimizer rms"),
        arguments(
            "negative validation", "--validation must be ≥ 0, got -1", "train --validation -1"),
        arguments(
            "negative threads",
            "--threads must be ≥ 0 (0 = all cores), got -1",
            "evaluate --threads -1"),
        arguments("negative mistakes", "--mistakes must be ≥ 0", "evaluate --mistakes -1"),
        arguments(
            "benchmark target that is not a fraction",
            "--time-to-accuracy must be a fraction in (0, 1], e.g. 0.995; got 99.5",
            "benchmark training --time-to-accuracy 99.5"),
        arguments(
            "benchmark flag of the other mode",
            "--epochs only applies with --time-to-accuracy",
            "benchmark training --epochs 3"),
        arguments(
            "benchmark without timed batches",
            "--batches must be ≥ 1, got 0",
            "benchmark training --batches 0"),
        arguments(
            "benchmark of an unknown architecture",
            "unknown architecture 'lenet'",
            "benchmark training --architecture lenet"),
        arguments(
            "benchmark asking for more images than MNIST has",
            "ask for 64000 training images; MNIST has 60,000",
            "benchmark training --batches 497 --batch-size 128"),
        // Resuming
        arguments(
            "resume without a checkpoint",
            "{dir}/fresh.model.ckpt: checkpoint not found",
            "train --resume --output {dir}/fresh.model"),
        arguments(
            "resume from a file that is not a checkpoint",
            "{dir}/junk.ckpt: not a digits checkpoint",
            "train --resume --output {dir}/fresh.model --checkpoint {dir}/junk.ckpt"),
        arguments(
            "resume with a new recipe",
            "--epochs cannot be combined with --resume",
            "train --resume --epochs 3 --output {dir}/fresh.model"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void mistakes(String what, String expected, String commandLine) {
    String[] args =
        Arrays.stream(commandLine.split(" "))
            .map(arg -> arg.replace("{dir}", dir.toString()))
            .toArray(String[]::new);

    CliRun run = CliRun.of(args);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err().lines()).as(run.err()).hasSize(1);
    assertThat(run.err())
        .startsWith("digits: ")
        .contains(expected.replace("{dir}", dir.toString()))
        .doesNotContain("Exception", "\tat ");
    assertThat(run.out()).isEmpty();
  }

  private static Map<String, byte[]> entries(Path zipFile) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zipFile))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
