package dev.digits.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FontGlyphsTest {
  /** Side of the square the glyphs are traced in. */
  private static final int CANVAS = 192;

  private static FontGlyphs fonts;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws IOException {
    fonts = FontGlyphs.load(FontGlyphs.DEFAULT_DIRECTORY);
  }

  @Test
  void loadsEveryNamedFontWithItsHash() {
    assertThat(fonts.fontCount()).isEqualTo(FontGlyphs.FILES.size());
    assertThat(fonts.sha256().keySet()).containsExactlyInAnyOrderElementsOf(FontGlyphs.FILES);
    assertThat(fonts.sha256().values())
        .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
  }

  @Test
  void aMissingFontFolderNamesTheDebianPackagesToInstall() {
    Path missing = dir.resolve("no-fonts-here");

    assertThatThrownBy(() -> FontGlyphs.load(missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(missing.resolve(FontGlyphs.FILES.get(0)).toString())
        .hasMessageContaining("fonts-dejavu-core")
        .hasMessageContaining("fonts-liberation");
  }

  @Test
  void aFileThatIsNoFontIsNamed() throws IOException {
    Path file = dir.resolve(FontGlyphs.FILES.get(0));
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not a font");

    assertThatThrownBy(() -> FontGlyphs.load(dir))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("font " + file + " is not a TrueType font");
  }

  static Stream<String> characters() {
    return (NonDigits.LETTERS + NonDigits.SYMBOLS + NonDigits.WORD_LETTERS)
        .codePoints()
        .distinct()
        .mapToObj(Character::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("characters")
  void everyLetterAndSymbolTheGeneratorUsesHasCentreLinesInEveryFont(String character) {
    for (int font = 0; font < fonts.fontCount(); font++) {
      List<double[][]> paths = fonts.paths(font, character);

      assertThat(paths).as("%s in %s", character, FontGlyphs.FILES.get(font)).isNotEmpty();
      for (double[][] path : paths) {
        assertThat(path[0]).hasSameSizeAs(path[1]).isNotEmpty();
        assertThat(Arrays.stream(path[0]).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(path[0]).max().orElseThrow()).isLessThanOrEqualTo(CANVAS - 1);
        assertThat(Arrays.stream(path[1]).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(path[1]).max().orElseThrow()).isLessThanOrEqualTo(CANVAS - 1);
      }
    }
  }

  @Test
  void aCharacterAFontLacksHasNoCentreLinesRatherThanAMissingGlyphBox() {
    for (int font = 0; font < fonts.fontCount(); font++) {
      assertThat(fonts.paths(font, "字")).as(FontGlyphs.FILES.get(font)).isEmpty();
    }
  }

  @Test
  void blankTextHasNoCentreLines() {
    assertThat(fonts.paths(0, " ")).isEmpty();
  }

  @Test
  void aWordIsScaledToFitTheTracingSquare() {
    List<double[][]> word = fonts.paths(3, "wxmw");

    assertThat(word).isNotEmpty();
    double minX = word.stream().flatMapToDouble(p -> Arrays.stream(p[0])).min().orElseThrow();
    double maxX = word.stream().flatMapToDouble(p -> Arrays.stream(p[0])).max().orElseThrow();
    assertThat(minX).isGreaterThan(0);
    assertThat(maxX).isLessThan(CANVAS - 1);
    assertThat(maxX - minX).as("a long word fills most of the width").isGreaterThan(CANVAS / 2.0);
  }

  @Test
  void theSameTextInTheSameFontGivesTheSamePaths() {
    assertThat(fonts.paths(5, "K")).isSameAs(fonts.paths(5, "K"));
    assertThat(fonts.paths(5, "K")).isNotSameAs(fonts.paths(6, "K"));
  }
}
