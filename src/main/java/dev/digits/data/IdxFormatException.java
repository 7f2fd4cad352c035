package dev.digits.data;

import java.io.IOException;

/** An IDX file that is not what it should be; the message names the file and the problem. */
public final class IdxFormatException extends IOException {
  public IdxFormatException(String fileName, String problem) {
    super(fileName + ": " + problem);
  }
}
