package dev.digits.data;

import java.io.IOException;

/** A pen-trajectory file that breaks the UNIPEN format; the message names the file and line. */
public final class UnipenFormatException extends IOException {
  public UnipenFormatException(String source, int line, String problem) {
    super(source + ", line " + line + ": " + problem);
  }
}
