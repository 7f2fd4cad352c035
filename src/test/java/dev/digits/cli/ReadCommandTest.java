package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.TestData;
import dev.digits.benchmark.DigitGlyph;
import dev.digits.benchmark.NumberImages;
import dev.digits.data.LabelledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digits read}: the number in each image, as text or JSON; bad files named on stderr. */
class ReadCommandTest {
  @TempDir Path folder;

  /** MNIST's first test image of each digit of {@code number}, set apart, as a PNG file. */
  private Path written(String number) throws IOException {
    LabelledImages test = TestData.mnist().test();
    List<DigitGlyph> glyphs = new ArrayList<>();
    for (char c : number.toCharArray()) {
      int digit = c - '0';
      int index = 0;
      while (test.label(index) != digit) {
        index++;
      }
      glyphs.add(DigitGlyph.mnist(test.images(), index, digit, 80));
    }
    int[] gaps = new int[glyphs.size()];
    Arrays.fill(gaps, 25);
    Path file = folder.resolve(number + ".png");
    ImageIO.write(NumberImages.compose(glyphs, gaps, new int[glyphs.size()]), "png", file.toFile());
    return file;
  }

  @Test
  void printsTheNumberOfEachImage() throws IOException {
    Path first = written("42");
    Path second = written("305");

    CliRun run = CliRun.of("read", first.toString(), second.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList())
        .hasSize(2)
        .satisfiesExactly(
            line -> assertThat(line).startsWith(first + ": 42  (4 "),
            line -> assertThat(line).startsWith(second + ": 305  (3 "));
  }

  @Test
  void printsTheWholeAnswerAsJson() throws IOException {
    Path image = written("42");

    CliRun run = CliRun.of("read", "--json", image.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode answer = new ObjectMapper().readTree(run.out());
    assertThat(answer.get("image").asText()).isEqualTo(image.toString());
    assertThat(answer.get("number").asText()).isEqualTo("42");
    assertThat(answer.get("model").asText()).isEqualTo("default");
    assertThat(answer.get("digits")).hasSize(2);
    JsonNode four = answer.get("digits").get(0);
    assertThat(four.get("digit").asInt()).isEqualTo(4);
    assertThat(four.get("top")).hasSize(3);
    assertThat(four.get("box").get("height").asInt()).isBetween(70, 90);
  }

  @Test
  void namesAnUnreadableFileAndReadsTheRest() throws IOException {
    Path text = Files.writeString(folder.resolve("notes.png"), "not an image");
    Path image = written("7");

    CliRun run = CliRun.of("read", text.toString(), image.toString());

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err().lines().toList())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("digits: " + text + ": "));
    assertThat(run.out()).startsWith(image + ": 7");
  }
}
