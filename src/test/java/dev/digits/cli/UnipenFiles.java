package dev.digits.cli;

import dev.digits.data.PenDigit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small pen-digit files in the UNIPEN format, for the commands that read them. */
final class UnipenFiles {
  private UnipenFiles() {}

  /** Writes {@code digits} to {@code file} as the UCI file lays them out. */
  static Path write(Path file, List<PenDigit> digits) throws IOException {
    StringBuilder text = new StringBuilder(".INCLUDE dene.doc\n.HIERARCHY DIGIT\n\n");
    for (PenDigit digit : digits) {
      text.append(".SEGMENT DIGIT ? \"").append(digit.label()).append("\"\n");
      text.append(".COMMENT ")
          .append(digit.label())
          .append(' ')
          .append(digit.writer())
          .append(' ')
          .append(digit.sample())
          .append('\n');
      for (PenDigit.PenStroke stroke : digit.strokes()) {
        text.append(".PEN_DOWN\n");
        for (int i = 0; i < stroke.size(); i++) {
          text.append(stroke.x(i)).append(' ').append(stroke.y(i)).append('\n');
        }
        text.append(".PEN_UP\n");
      }
      text.append(".DT 100\n\n");
    }
    return Files.writeString(file, text);
  }
}
