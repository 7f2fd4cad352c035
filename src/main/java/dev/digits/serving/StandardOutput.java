package dev.digits.serving;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Log lines to the process's standard output, each written whole with one system call: {@code
 * System.out} flushes every 128 bytes, two or three calls for a request's line.
 */
final class StandardOutput implements Consumer<String> {
  static final StandardOutput INSTANCE = new StandardOutput();

  private final Writer out =
      new BufferedWriter(
          new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
          16 * 1024);

  private StandardOutput() {}

  @Override
  public synchronized void accept(String line) {
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      // Standard output is gone (a closed pipe): the requests still deserve answers.
    }
  }
}
