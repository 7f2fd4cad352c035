package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.io.Json;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code digits classify} on a folder of drawn digits (in sub-folders, with a hidden file and a
 * corrupt one) and on an IDX file, with the bundled default model.
 */
class ClassifyCommandTest {
  private static final int DRAWINGS = 23;

  @TempDir static Path dir;
  private static Path folder;
  private static Path idx;

  @BeforeAll
  static void drawings() throws IOException {
    folder = dir.resolve("scans");
    for (int i = 0; i < DRAWINGS; i++) {
      Path sub = folder.resolve("batch-" + (char) ('a' + i % 3));
      Files.createDirectories(sub);
      ImageIO.write(digit(i % 10, i), "png", sub.resolve(String.format("%02d.png", i)).toFile());
    }
    Files.writeString(folder.resolve(".DS_Store"), "not an image, and hidden");
    idx = IdxFiles.images(dir.resolve("images.idx"), 40);
  }

  /** A dark digit on white paper, in a font, size and place that vary with {@code seed}. */
  private static BufferedImage digit(int digit, int seed) {
    BufferedImage image = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 160, 160);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(3));
    g.setFont(
        new Font(Font.SANS_SERIF, seed % 2 == 0 ? Font.BOLD : Font.PLAIN, 90 + seed % 4 * 10));
    g.drawString(Integer.toString(digit), 40 + seed % 5 * 4, 125 - seed % 3 * 6);
    g.dispose();
    return image;
  }

  @Test
  void writesOneJsonLinePerImageInSortedOrder() throws IOException {
    CliRun run = CliRun.of("classify", folder.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> lines = jsonLines(run.out());
    assertThat(lines).hasSize(DRAWINGS);
    List<String> paths = lines.stream().map(line -> line.get("path").asText()).toList();
    assertThat(paths).isSorted().noneMatch(path -> path.contains(".DS_Store"));
    assertThat(paths.get(0)).isEqualTo(folder.resolve("batch-a/00.png").toString());
    JsonNode first = lines.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly("path", "digit", "confidence", "accepted", "reason", "top");
    assertThat(first.get("top")).hasSize(3);
    assertThat(first.get("top").get(0).get("digit")).isEqualTo(first.get("digit"));
    long right =
        lines.stream()
            .filter(line -> line.get("digit").asInt() == digitOf(line.get("path").asText()))
            .count();
    assertThat(right).as("typed digits read right").isGreaterThanOrEqualTo(DRAWINGS * 3 / 4);
    assertThat(run.err()).contains("digits: classified 23 images");
  }

  @Test
  void twoRunsWriteTheSameBytes() {
    CliRun first = CliRun.of("classify", folder.toString(), idx.toString());
    CliRun second = CliRun.of("classify", folder.toString(), idx.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void shardsPutTogetherAreOneRunWithNothingTwiceOrMissed() {
    // Batches of 8 over 63 images: shards that start and end inside a batch.
    String whole = CliRun.of("classify", "--batch-size", "8", folder + "", idx + "").out();
    assertThat(whole.lines()).hasSize(DRAWINGS + 40);

    for (int count : new int[] {3, 5}) {
      StringBuilder merged = new StringBuilder();
      for (int index = 0; index < count; index++) {
        CliRun shard =
            CliRun.of(
                "classify",
                "--batch-size",
                "8",
                "--shard",
                index + "/" + count,
                folder + "",
                idx + "");
        assertThat(shard.exitCode()).as(shard.err()).isZero();
        merged.append(shard.out());
      }
      assertThat(merged.toString()).as("%d shards", count).isEqualTo(whole);
    }
  }

  @Test
  void anIndexedJobsPodTakesItsShardFromTheEnvironment() {
    String whole = CliRun.of("classify", idx.toString()).out();
    StringBuilder merged = new StringBuilder();
    for (int index = 0; index < 3; index++) {
      CliRun pod =
          CliRun.of(
              Map.of("JOB_COMPLETION_INDEX", "" + index, "DIGITS_SHARDS", "3"),
              "classify",
              idx.toString());
      assertThat(pod.exitCode()).as(pod.err()).isZero();
      assertThat(pod.err()).contains("(shard " + index + "/3: ");
      merged.append(pod.out());
    }
    assertThat(merged.toString()).isEqualTo(whole);
  }

  @Test
  void writesTheLinesToAnOutputFileWhole(@TempDir Path out) throws IOException {
    Path file = out.resolve("parts/part-0.jsonl");

    CliRun run = CliRun.of("classify", "--output", file.toString(), idx.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(CliRun.of("classify", idx.toString()).out());
    try (var left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void namesEachIdxImageByItsIndex() {
    CliRun run = CliRun.of("classify", idx.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> lines = jsonLines(run.out());
    assertThat(lines).hasSize(40);
    assertThat(lines.get(0).get("path").asText()).isEqualTo(idx + "#0");
    assertThat(lines.get(39).get("path").asText()).isEqualTo(idx + "#39");
  }

  @Test
  void writesCsvUnderAHeader() {
    CliRun json = CliRun.of("classify", folder.toString());
    CliRun csv = CliRun.of("classify", "--format", "csv", folder.toString());

    assertThat(csv.exitCode()).as(csv.err()).isZero();
    List<String> rows = csv.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo("path,digit,confidence,accepted,reason,top,error");
    assertThat(rows).hasSize(DRAWINGS + 1);
    JsonNode first = jsonLines(json.out()).get(0);
    String[] cells = rows.get(1).split(",", -1);
    assertThat(cells).hasSize(7);
    assertThat(cells[0]).isEqualTo(first.get("path").asText());
    assertThat(cells[1]).isEqualTo(first.get("digit").asText());
    assertThat(Float.parseFloat(cells[2])).isEqualTo(first.get("confidence").floatValue());
    assertThat(cells[3]).isEqualTo(first.get("accepted").asText());
    assertThat(cells[5]).startsWith(first.get("digit").asText() + ":").contains(" ");
    assertThat(cells[6]).isEmpty();
  }

  @Test
  void aCorruptFileGetsAnErrorLineAndTheRestAreClassified(@TempDir Path mixed) throws IOException {
    Files.write(mixed.resolve("a.png"), Files.readAllBytes(folder.resolve("batch-a/00.png")));
    Files.write(mixed.resolve("b.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Files.write(mixed.resolve("c.png"), Files.readAllBytes(folder.resolve("batch-b/01.png")));

    CliRun run = CliRun.of("classify", mixed.toString());

    assertThat(run.exitCode()).isEqualTo(ClassifyCommand.EXIT_SOME_UNREADABLE);
    List<JsonNode> lines = jsonLines(run.out());
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).has("digit")).isTrue();
    assertThat(lines.get(1).get("path").asText()).endsWith("b.png");
    assertThat(lines.get(1).get("error").asText()).isNotBlank();
    assertThat(lines.get(1).has("digit")).isFalse();
    assertThat(lines.get(2).get("digit").asInt()).isEqualTo(1);
    assertThat(run.err()).contains("digits: classified 2 images; 1 could not be read");
  }

  @Test
  void aTruncatedIdxFileGivesAnErrorLinePerImage(@TempDir Path mixed) throws IOException {
    Path truncated =
        IdxFiles.write(
            mixed.resolve("truncated.idx"),
            IdxFiles.IMAGES_MAGIC,
            new int[] {3, 28, 28},
            new byte[784]);

    CliRun run = CliRun.of("classify", truncated.toString(), idx.toString());

    assertThat(run.exitCode()).isEqualTo(ClassifyCommand.EXIT_SOME_UNREADABLE);
    List<JsonNode> lines = jsonLines(run.out());
    assertThat(lines).hasSize(3 + 40);
    assertThat(lines.subList(0, 3))
        .extracting(line -> line.get("path").asText())
        .containsExactly(truncated + "#0", truncated + "#1", truncated + "#2");
    assertThat(lines.get(0).get("error").asText()).contains("truncated");
    assertThat(lines.subList(3, 43)).allMatch(line -> line.has("digit"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3/3", "-1/3", "1/0", "two/3", "1"})
  void aShardThatDoesNotExistIsOneLineAndExitCodeOne(String shard) {
    CliRun run = CliRun.of("classify", "--shard", shard, idx.toString());

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("digits: ")
        .contains("shard");
  }

  @Test
  void anIndexWithoutACountIsOneLineAndExitCodeOne() {
    CliRun run = CliRun.of(Map.of("JOB_COMPLETION_INDEX", "0"), "classify", idx.toString());

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err().strip())
        .isEqualTo(
            "digits: JOB_COMPLETION_INDEX is set but DIGITS_SHARDS is not: a shard needs both (or"
                + " --shard I/N)");
  }

  @Test
  void aMissingInputIsOneLineAndExitCodeOne() {
    CliRun run = CliRun.of("classify", dir.resolve("nowhere").toString());

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err().strip())
        .isEqualTo("digits: " + dir.resolve("nowhere") + ": no such file or folder");
  }

  private static int digitOf(String path) {
    String name = Path.of(path).getFileName().toString();
    return Integer.parseInt(name.substring(0, 2)) % 10;
  }

  private static List<JsonNode> jsonLines(String out) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.lines().toList()) {
      try {
        lines.add(Json.mapper().readTree(line));
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + line, e);
      }
    }
    return lines;
  }
}
