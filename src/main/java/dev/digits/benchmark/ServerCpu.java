package dev.digits.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The CPU time a server has used so far, for CPU per request: on a shared machine requests per
 * second say as much about the neighbours as about the server, CPU time per request does not.
 *
 * @param nanos reads the CPU time used so far, in nanoseconds
 * @param includesLoadGenerator whether that time includes the load generator's own threads, which
 *     are then subtracted
 */
public record ServerCpu(LongSupplier nanos, boolean includesLoadGenerator) {
  /** Linux counts process CPU time in ticks of 1/100 s (USER_HZ) on every common architecture. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** A server running inside this JVM, next to the load generator. */
  public static ServerCpu inThisProcess() {
    if (!(ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os)) {
      throw new IllegalStateException("this JVM does not report its process CPU time");
    }
    return new ServerCpu(os::getProcessCpuTime, true);
  }

  /**
   * Another process on this machine, read from Linux's {@code /proc/PID/stat} (1/100 s resolution,
   * plenty over a window of seconds).
   *
   * @throws IllegalArgumentException when there is no such process or no {@code /proc}
   */
  public static ServerCpu ofProcess(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.isReadable(stat)) {
      throw new IllegalArgumentException(
          "cannot read the CPU time of process " + pid + " (" + stat + " is not readable)");
    }
    return new ServerCpu(() -> ticks(stat) * NANOS_PER_TICK, false);
  }

  /** User plus system time, fields 14 and 15 of the stat line, counted after the command name. */
  private static long ticks(Path stat) {
    try {
      String line = Files.readString(stat);
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      throw new UncheckedIOException("the server process is gone", e);
    }
  }
}
