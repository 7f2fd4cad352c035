package dev.digits.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running command (a server) run in-process on its own thread, with its output readable
 * while it runs; {@link #stop()} interrupts it the way Ctrl-C would stop it.
 */
final class BackgroundCommand implements AutoCloseable {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger exitCode = new AtomicInteger(Integer.MIN_VALUE);
  private final Thread thread;

  private BackgroundCommand(String... args) {
    var commandLine =
        DigitsCommand.commandLine(System.getenv(), args)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true));
    thread = new Thread(() -> exitCode.set(commandLine.execute(args)), "background-command");
  }

  static BackgroundCommand start(String... args) {
    BackgroundCommand command = new BackgroundCommand(args);
    command.thread.start();
    return command;
  }

  /**
   * Waits until the output has a match for {@code regex} and returns it.
   *
   * @throws AssertionError when the command ends or the timeout passes first
   */
  Matcher awaitOutput(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Matcher matcher = pattern.matcher(out());
      if (matcher.find()) {
        return matcher;
      }
      if (!thread.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "no output matching " + regex + "; out: " + out() + "; err: " + err());
      }
      Thread.sleep(20);
    }
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Interrupts the command, waits for it to end and returns its exit code. */
  int stop() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(30).toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("the command did not stop within 30 s; out: " + out());
    }
    return exitCode.get();
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      stop();
    }
  }
}
