package dev.digits.training;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Where a model comes from: the code's commit and the software that trained it. */
final class Provenance {
  private Provenance() {}

  /**
   * The commit the running code was built from, with "-dirty" when the checkout had uncommitted
   * changes at build time, or "unknown" for a build outside a git checkout. The build writes it
   * into {@code digits-git.properties}.
   */
  static String gitCommit() {
    Properties build = new Properties();
    try (InputStream in = Provenance.class.getResourceAsStream("/digits-git.properties")) {
      if (in == null) {
        return "unknown";
      }
      build.load(in);
    } catch (IOException e) {
      return "unknown";
    }
    String commit = build.getProperty("git.commit.id.full", "");
    if (commit.isBlank()) {
      return "unknown";
    }
    return commit + (Boolean.parseBoolean(build.getProperty("git.dirty")) ? "-dirty" : "");
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
}
