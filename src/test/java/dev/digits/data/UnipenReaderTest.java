package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnipenReaderTest {
  /** The header of the UCI file, as published. */
  private static final String HEADER =
      """
      .INCLUDE        dene.doc

      .LEXICON "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"
      .HIERARCHY      DIGIT

      """;

  private static List<PenDigit> read(String text) throws IOException {
    return UnipenReader.read("test.unipen", new BufferedReader(new StringReader(text)));
  }

  @Test
  void readsDigitsWithTheirLabelWriterSampleAndStrokes() throws IOException {
    List<PenDigit> digits =
        read(
            HEADER
                + """
                .SEGMENT DIGIT    0 ? "8"
                .COMMENT 8 12  224
                .PEN_DOWN
                 267  333
                 267  336
                  -4    0
                .PEN_UP
                .DT 100

                .SEGMENT DIGIT    1 ? "2"
                .COMMENT 2 26   54
                .PEN_DOWN
                 10  20
                .PEN_UP
                """);

    assertThat(digits).hasSize(2);
    PenDigit eight = digits.get(0);
    assertThat(eight.label()).isEqualTo(8);
    assertThat(eight.writer()).isEqualTo(12);
    assertThat(eight.sample()).isEqualTo(224);
    assertThat(eight.strokes()).hasSize(1);
    assertThat(eight.strokes().get(0).x()).containsExactly(267, 267, -4);
    assertThat(eight.strokes().get(0).y()).containsExactly(333, 336, 0);
    PenDigit two = digits.get(1);
    assertThat(two.label()).isEqualTo(2);
    assertThat(two.writer()).isEqualTo(26);
    assertThat(two.sample()).isEqualTo(54);
    assertThat(two.strokes().get(0).size()).isOne();
  }

  @Test
  void keepsEveryStrokeOfAMultiStrokeDigitInOrder() throws IOException {
    List<PenDigit> digits =
        read(
            """
            .SEGMENT DIGIT 0 ? "4"
            .COMMENT 4 3 7
            .PEN_DOWN
            1 1
            1 9
            .PEN_UP
            .DT 40
            .PEN_DOWN
            5 0
            5 10
            .PEN_UP

            .PEN_DOWN
            0 5
            .PEN_UP
            """);

    assertThat(digits)
        .singleElement()
        .satisfies(
            four -> {
              assertThat(four.label()).isEqualTo(4);
              assertThat(four.strokes()).hasSize(3);
              assertThat(four.strokes().get(0).x()).containsExactly(1, 1);
              assertThat(four.strokes().get(1).y()).containsExactly(0, 10);
              assertThat(four.strokes().get(2).x()).containsExactly(0);
            });
  }

  @Test
  void ignoresBlankLinesAndSurroundingSpaceAndCarriageReturns() throws IOException {
    List<PenDigit> digits =
        read(
            "\n\n   .SEGMENT DIGIT 0 ? \"7\"  \r\n\t.COMMENT 7 1 1\r\n\n.PEN_DOWN\r\n"
                + "  3   4  \r\n\n\n  5 6\r\n.PEN_UP  \r\n\n");

    assertThat(digits)
        .singleElement()
        .satisfies(
            seven -> {
              assertThat(seven.label()).isEqualTo(7);
              assertThat(seven.strokes().get(0).x()).containsExactly(3, 5);
              assertThat(seven.strokes().get(0).y()).containsExactly(4, 6);
            });
  }

  @Test
  void aFileOfHeadersOnlyHoldsNoDigits() throws IOException {
    assertThat(read(HEADER + ".COMMENT a free comment before any digit\n")).isEmpty();
    assertThat(read("")).isEmpty();
  }

  @Test
  void acceptsTheLongestStrokeAllowed() throws IOException {
    StringBuilder text = new StringBuilder(".SEGMENT DIGIT 0 ? \"1\"\n.COMMENT 1 2 3\n.PEN_DOWN\n");
    text.append("0 0\n".repeat(UnipenReader.MAX_POINTS_PER_STROKE));
    text.append(".PEN_UP\n");

    assertThat(read(text.toString()).get(0).strokes().get(0).size())
        .isEqualTo(UnipenReader.MAX_POINTS_PER_STROKE);
  }

  /** One digit with a stroke of two points, lines 1–6, to break in one place at a time. */
  private static final String DIGIT =
      """
      .SEGMENT DIGIT 0 ? "3"
      .COMMENT 3 5 9
      .PEN_DOWN
      10 20
      11 21
      .PEN_UP
      """;

  @Test
  void aPointOutsideAStrokeNamesItsLine() {
    assertThatThrownBy(() -> read(DIGIT + "12 22\n"))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 7: a point outside .PEN_DOWN … .PEN_UP: '12 22'");
  }

  @Test
  void anUnknownDirectiveNamesItsLine() {
    assertThatThrownBy(() -> read(HEADER + ".X_POINTS_PER_INCH 100\n" + DIGIT))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 6: unknown directive .X_POINTS_PER_INCH");
  }

  @ParameterizedTest(name = "label \"{0}\"")
  @ValueSource(strings = {"a", "12", "", "-1", "٣"})
  void aSegmentLabelThatIsNotOneDigitNamesItsLine(String label) {
    String text = ".SEGMENT DIGIT 0 ? \"" + label + "\"\n";

    assertThatThrownBy(() -> read(DIGIT + text))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 7: a digit's label must be one of 0–9, got '" + label + "'");
  }

  @Test
  void aSegmentOfAnotherKindOrWithoutLabelNamesItsLine() {
    assertThatThrownBy(() -> read(".SEGMENT WORD 0 ? \"cat\"\n"))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage(
            "test.unipen, line 1: expected .SEGMENT DIGIT … \"d\", got '.SEGMENT WORD 0 ? \"cat\"'");
    assertThatThrownBy(() -> read(".SEGMENT DIGIT 0 ?\n"))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessageStartingWith("test.unipen, line 1: expected .SEGMENT DIGIT");
  }

  @Test
  void aCommentWhoseLabelDiffersFromTheSegmentsNamesItsLine() {
    String text = DIGIT.replace(".COMMENT 3 5 9", ".COMMENT 8 5 9");

    assertThatThrownBy(() -> read(text))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 2: the comment's label 8 differs from the segment's \"3\"");
  }

  @Test
  void aCommentWithoutWriterAndSampleNamesItsLine() {
    assertThatThrownBy(() -> read(DIGIT.replace(".COMMENT 3 5 9", ".COMMENT 3 5")))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage(
            "test.unipen, line 2: expected .COMMENT label writer sample, got '.COMMENT 3 5'");
    assertThatThrownBy(() -> read(DIGIT.replace(".COMMENT 3 5 9", ".COMMENT 3 five 9")))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 2: the writer must be a whole number ≥ 0, got 'five'");
    assertThatThrownBy(() -> read(DIGIT.replace(".COMMENT 3 5 9", ".COMMENT 3 5 -9")))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 2: the sample must be a whole number ≥ 0, got '-9'");
  }

  @Test
  void aStrokeBeforeTheSegmentsCommentNamesItsLine() {
    assertThatThrownBy(() -> read(DIGIT.replace(".COMMENT 3 5 9\n", "")))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage(
            "test.unipen, line 2: .PEN_DOWN before the segment's .COMMENT label writer sample");
  }

  @Test
  void aStrokeBeforeAnySegmentNamesItsLine() {
    assertThatThrownBy(() -> read(HEADER + ".PEN_DOWN\n1 2\n.PEN_UP\n"))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 6: .PEN_DOWN before any .SEGMENT DIGIT");
  }

  @Test
  void aPenUpWithoutPenDownNamesItsLine() {
    assertThatThrownBy(() -> read(DIGIT + ".PEN_UP\n"))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 7: .PEN_UP without a .PEN_DOWN before it");
  }

  @Test
  void aFileEndingInsideAStrokeNamesItsLastLine() {
    String cut = DIGIT.replace(".PEN_UP\n", "");

    assertThatThrownBy(() -> read(cut))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage(
            "test.unipen, line 5: the file ends inside a stroke (.PEN_DOWN without .PEN_UP)");
  }

  @Test
  void aStrokeWithoutPointsNamesItsPenUpLine() {
    assertThatThrownBy(() -> read(DIGIT + ".PEN_DOWN\n\n.PEN_UP\n"))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 9: a stroke without points");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "10.5 20",
        "10",
        "10 20 30",
        "x y",
        "1e3 4",
        "1234567890 5",
        ".DT 100",
        ".SEGMENT DIGIT 1 ? \"3\""
      })
  void aLineInsideAStrokeThatIsNoPointNamesItsLine(String line) {
    String text = DIGIT.replace("11 21\n", line + "\n");

    assertThatThrownBy(() -> read(text))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessageStartingWith(
            "test.unipen, line 5: expected a point 'x y' or .PEN_UP inside a stroke, got '")
        .hasMessageContaining(line.substring(0, Math.min(line.length(), 40)));
  }

  @Test
  void coordinatesBeyondATabletsNameTheirLine() throws IOException {
    String tooFar = DIGIT.replace("11 21", "11 -1000001");

    assertThatThrownBy(() -> read(tooFar))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 5: coordinate -1000001 is beyond ±1000000");
    assertThat(read(DIGIT.replace("11 21", "1000000 -1000000")).get(0).strokes().get(0).y())
        .containsExactly(20, -1_000_000);
  }

  @Test
  void aDigitWithoutStrokesNamesItsSegmentLine() {
    String text = DIGIT + ".SEGMENT DIGIT 1 ? \"5\"\n.COMMENT 5 5 10\n\n" + DIGIT;

    assertThatThrownBy(() -> read(text))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 7: a digit without strokes");
  }

  @Test
  void aLastDigitWithoutStrokesNamesItsSegmentLine() {
    assertThatThrownBy(() -> read(DIGIT + "\n.SEGMENT DIGIT 1 ? \"5\"\n.COMMENT 5 5 10\n"))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage("test.unipen, line 8: a digit without strokes");
  }

  @Test
  void aStrokeOfTooManyPointsNamesTheLineOfTheFirstPointTooMany() {
    StringBuilder text = new StringBuilder(".SEGMENT DIGIT 0 ? \"1\"\n.COMMENT 1 2 3\n.PEN_DOWN\n");
    text.append("0 0\n".repeat(UnipenReader.MAX_POINTS_PER_STROKE + 5));
    text.append(".PEN_UP\n");
    int firstTooMany = 3 + UnipenReader.MAX_POINTS_PER_STROKE + 1;

    assertThatThrownBy(() -> read(text.toString()))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessage(
            "test.unipen, line "
                + firstTooMany
                + ": a stroke of more than "
                + UnipenReader.MAX_POINTS_PER_STROKE
                + " points");
  }

  @Test
  void abbreviatesALongOffendingLine() {
    String junk = "x".repeat(500);

    assertThatThrownBy(() -> read(junk + "\n"))
        .hasMessage(
            "test.unipen, line 1: a point outside .PEN_DOWN … .PEN_UP: '" + "x".repeat(40) + "…'");
  }
}
