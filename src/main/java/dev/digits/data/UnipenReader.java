package dev.digits.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads digits from a UNIPEN text file, the format of the UCI "Pen-Based Recognition of Handwritten
 * Digits" trajectories, strictly: anything it does not understand is an error naming the line.
 *
 * <p>The subset read: header directives ({@code .INCLUDE}, {@code .LEXICON}, {@code .HIERARCHY},
 * {@code .DT}), then per digit a {@code .SEGMENT DIGIT ... "d"} line, a {@code .COMMENT d writer
 * sample} line, and strokes, each {@code .PEN_DOWN}, one {@code x y} point per line, {@code
 * .PEN_UP}. Blank lines are ignored.
 */
public final class UnipenReader {
  /** More points than any pen digit has: a larger stroke is a damaged or hostile file. */
  static final int MAX_POINTS_PER_STROKE = 10_000;

  /** Coordinates beyond this are not a tablet's. */
  static final int MAX_COORDINATE = 1_000_000;

  private static final Pattern SEGMENT =
      Pattern.compile("\\.SEGMENT\\s+DIGIT\\b.*\"([^\"]*)\"\\s*");
  private static final Pattern POINT = Pattern.compile("\\s*(-?\\d{1,9})\\s+(-?\\d{1,9})\\s*");
  private static final List<String> HEADER_DIRECTIVES =
      List.of(".INCLUDE", ".LEXICON", ".HIERARCHY", ".DT");

  private final String source;
  private final List<PenDigit> digits = new ArrayList<>();
  private int lineNumber;

  // The digit being read.
  private int label = -1;
  private int writer = -1;
  private int sample = -1;
  private int segmentLine;
  private final List<PenDigit.PenStroke> strokes = new ArrayList<>();

  // The stroke being read, or null outside PEN_DOWN … PEN_UP.
  private IntList xs;
  private IntList ys;

  private UnipenReader(String source) {
    this.source = source;
  }

  /**
   * Reads every digit.
   *
   * @param source names the file in messages
   * @throws UnipenFormatException naming the line that breaks the format
   */
  public static List<PenDigit> read(String source, BufferedReader in) throws IOException {
    UnipenReader reader = new UnipenReader(source);
    for (String line; (line = in.readLine()) != null; ) {
      reader.lineNumber++;
      reader.accept(line);
    }
    reader.finish();
    return List.copyOf(reader.digits);
  }

  private void accept(String line) throws UnipenFormatException {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    if (xs != null) {
      if (trimmed.equals(".PEN_UP")) {
        endStroke();
      } else {
        addPoint(trimmed);
      }
      return;
    }
    String directive = trimmed.split("\\s+", 2)[0];
    switch (directive) {
      case ".SEGMENT" -> startSegment(trimmed);
      case ".COMMENT" -> readComment(trimmed);
      case ".PEN_DOWN" -> startStroke();
      case ".PEN_UP" -> throw error(".PEN_UP without a .PEN_DOWN before it");
      default -> {
        if (!HEADER_DIRECTIVES.contains(directive)) {
          throw error(
              directive.startsWith(".")
                  ? "unknown directive " + directive
                  : "a point outside .PEN_DOWN … .PEN_UP: '" + abbreviate(trimmed) + "'");
        }
      }
    }
  }

  private void startSegment(String line) throws UnipenFormatException {
    finishDigit();
    Matcher matcher = SEGMENT.matcher(line);
    if (!matcher.matches()) {
      throw error("expected .SEGMENT DIGIT … \"d\", got '" + abbreviate(line) + "'");
    }
    label = digit(matcher.group(1));
    writer = -1;
    sample = -1;
    segmentLine = lineNumber;
  }

  private void readComment(String line) throws UnipenFormatException {
    if (label < 0) {
      return;
    }
    String[] fields = line.split("\\s+");
    if (fields.length != 4) {
      throw error("expected .COMMENT label writer sample, got '" + abbreviate(line) + "'");
    }
    if (digit(fields[1]) != label) {
      throw error(
          "the comment's label " + fields[1] + " differs from the segment's \"" + label + "\"");
    }
    writer = number(fields[2], "writer");
    sample = number(fields[3], "sample");
  }

  private void startStroke() throws UnipenFormatException {
    if (label < 0) {
      throw error(".PEN_DOWN before any .SEGMENT DIGIT");
    }
    if (writer < 0) {
      throw error(".PEN_DOWN before the segment's .COMMENT label writer sample");
    }
    xs = new IntList();
    ys = new IntList();
  }

  private void addPoint(String line) throws UnipenFormatException {
    Matcher matcher = POINT.matcher(line);
    if (!matcher.matches()) {
      throw error(
          "expected a point 'x y' or .PEN_UP inside a stroke, got '" + abbreviate(line) + "'");
    }
    if (xs.size() >= MAX_POINTS_PER_STROKE) {
      throw error("a stroke of more than " + MAX_POINTS_PER_STROKE + " points");
    }
    xs.add(coordinate(matcher.group(1)));
    ys.add(coordinate(matcher.group(2)));
  }

  private void endStroke() throws UnipenFormatException {
    if (xs.size() == 0) {
      throw error("a stroke without points");
    }
    strokes.add(new PenDigit.PenStroke(xs.toArray(), ys.toArray()));
    xs = null;
    ys = null;
  }

  private void finish() throws UnipenFormatException {
    if (xs != null) {
      throw error("the file ends inside a stroke (.PEN_DOWN without .PEN_UP)");
    }
    finishDigit();
  }

  private void finishDigit() throws UnipenFormatException {
    if (label < 0) {
      return;
    }
    if (strokes.isEmpty()) {
      throw new UnipenFormatException(source, segmentLine, "a digit without strokes");
    }
    digits.add(new PenDigit(label, writer, sample, strokes));
    strokes.clear();
    label = -1;
  }

  private int digit(String text) throws UnipenFormatException {
    if (text.length() != 1 || text.charAt(0) < '0' || text.charAt(0) > '9') {
      throw error("a digit's label must be one of 0–9, got '" + abbreviate(text) + "'");
    }
    return text.charAt(0) - '0';
  }

  private int number(String text, String what) throws UnipenFormatException {
    if (!text.matches("\\d{1,9}")) {
      throw error("the " + what + " must be a whole number ≥ 0, got '" + abbreviate(text) + "'");
    }
    return Integer.parseInt(text);
  }

  private int coordinate(String text) throws UnipenFormatException {
    int value = Integer.parseInt(text);
    if (Math.abs(value) > MAX_COORDINATE) {
      throw error("coordinate " + value + " is beyond ±" + MAX_COORDINATE);
    }
    return value;
  }

  private UnipenFormatException error(String problem) {
    return new UnipenFormatException(source, lineNumber, problem);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** A growable int array, to spare a boxed Integer per point. */
  private static final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
