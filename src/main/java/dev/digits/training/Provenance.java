package dev.digits.training;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where a model comes from: the code's commit and the software that trained it. */
final class Provenance {
  private Provenance() {}

  /**
   * The commit of the working directory's git checkout, with "-dirty" when it has uncommitted
   * changes, or "unknown" outside a checkout or without git.
   */
  static String gitCommit() {
    String head = git("rev-parse", "HEAD");
    if (head == null || head.isBlank()) {
      return "unknown";
    }
    String status = git("status", "--porcelain", "--untracked-files=no");
    return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
  }

  /** Versions of digits, DJL, PyTorch and Java, and the machine's processor count. */
  static Map<String, String> software() {
    Map<String, String> versions = new LinkedHashMap<>();
    String digits = Provenance.class.getPackage().getImplementationVersion();
    versions.put("digits", digits == null ? "development build" : digits);
    versions.put("djl", Engine.getDjlVersion());
    versions.put("pytorch", Engine.getInstance().getVersion());
    versions.put("java", System.getProperty("java.version"));
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    versions.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    return versions;
  }

  private static String git(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      process.getOutputStream().close();
      process.getErrorStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
