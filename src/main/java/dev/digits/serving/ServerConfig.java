package dev.digits.serving;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.digits.preprocessing.DecodingBudget;
import dev.digits.preprocessing.PngDecoder;
import dev.digits.preprocessing.PreprocessingLimits;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link DigitsServer} listens and what it accepts.
 *
 * @param host interface to bind; {@code 0.0.0.0} for all, so a phone on the same network can draw
 * @param port TCP port; 0 picks a free one (see {@link DigitsServer#port()})
 * @param maxRequestBytes largest request body accepted; larger ones get 413 before being read
 * @param preprocessing limits on the images inside requests (encoded size, pixels, side)
 * @param decoding the memory that the images being preprocessed at once may hold together
 * @param defaultModel name of the model used when a request names none; {@code null} keeps the
 *     catalog's own default
 * @param requestThreads Jetty's threads, which accept connections, read requests, preprocess their
 *     images and write the answers
 * @param maxArrivingBodyBytes most bytes of request bodies still arriving, all requests together
 *     (never less than one body of {@code maxRequestBytes}); a body that would go over is answered
 *     503
 * @param maxConnections most connections open at once; at the limit the server stops accepting
 *     until one closes, and closes idle ones after {@link #CROWDED_IDLE_TIMEOUT}
 * @param logFormat how each request's log line is written, or {@link LogFormat#OFF}
 * @param logOutput where the log lines go
 * @param pngDecoder which code decodes PNGs
 */
public record ServerConfig(
    String host,
    int port,
    long maxRequestBytes,
    PreprocessingLimits preprocessing,
    DecodingBudget decoding,
    String defaultModel,
    RequestThreads requestThreads,
    long maxArrivingBodyBytes,
    int maxConnections,
    LogFormat logFormat,
    Consumer<String> logOutput,
    PngDecoder pngDecoder) {

  /** Port used when none is given. */
  public static final int DEFAULT_PORT = 8080;

  /** 2 MiB: a canvas PNG is 5–30 KB, a phone photo of a digit rarely above 1.5 MB as base64. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 2L * 1024 * 1024;

  /**
   * Enough threads that slow uploads never starve requests that are ready to run. Work is CPU-bound
   * and short, so idle threads cost only their stacks.
   */
  public static final int DEFAULT_MAX_THREADS = 64;

  /** See {@link RequestThreads#niceIncrement()}. */
  public static final int DEFAULT_REQUEST_NICE = 0;

  /** Where the process's file-descriptor limit cannot be read (not a Unix). */
  private static final long ASSUMED_FILE_DESCRIPTORS = 20_000;

  /**
   * How long a connection may sit idle while the server is at its connection limit (otherwise
   * Jetty's 30 s): long enough for a browser between two predictions, short enough that idle
   * connections cannot keep new clients out for long.
   */
  public static final Duration CROWDED_IDLE_TIMEOUT = Duration.ofSeconds(2);

  /**
   * How long an image waits for room in the decoding budget: long enough for a burst of the largest
   * images to pass through a few at a time, as long as a graceful stop waits.
   */
  public static final Duration DECODING_WAIT = Duration.ofSeconds(10);

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(preprocessing, "preprocessing");
    Objects.requireNonNull(decoding, "decoding");
    Objects.requireNonNull(requestThreads, "requestThreads");
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(logOutput, "logOutput");
    Objects.requireNonNull(pngDecoder, "pngDecoder");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException(
          "the request body limit must be at least 1024 bytes, got " + maxRequestBytes);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "the connection limit must be at least 1, got " + maxConnections);
    }
    if (maxArrivingBodyBytes < 1) {
      throw new IllegalArgumentException(
          "the limit on arriving bodies must be positive, got " + maxArrivingBodyBytes);
    }
  }

  /**
   * All interfaces, port 8080, 2 MiB bodies, default image limits, half the heap for decoding
   * images, the catalog's default model, up to 64 request threads at the process's CPU priority, a
   * quarter of the heap for bodies still arriving, {@link #defaultMaxConnections()} connections, no
   * request log, the fast PNG decoder.
   */
  public static ServerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .address(host, port)
        .maxRequestBytes(maxRequestBytes)
        .preprocessing(preprocessing)
        .decoding(decoding)
        .defaultModel(defaultModel)
        .requestThreads(requestThreads)
        .maxArrivingBodyBytes(maxArrivingBodyBytes)
        .maxConnections(maxConnections)
        .requestLog(logFormat, logOutput)
        .pngDecoder(pngDecoder);
  }

  /**
   * Half the file descriptors this process may open (10,000 where the limit is 20,000): far more
   * connections than a page's users or a load test open, yet a flood of connections that never send
   * a request meets this limit, not "too many open files" in the middle of serving, and the other
   * half stays for everything else.
   */
  public static int defaultMaxConnections() {
    long descriptors =
        ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
            ? unix.getMaxFileDescriptorCount()
            : ASSUMED_FILE_DESCRIPTORS;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, descriptors / 2));
  }

  /**
   * Builds a {@link ServerConfig} one setting at a time, every other setting keeping its default;
   * {@link #build()} checks them all.
   */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private PreprocessingLimits preprocessing = PreprocessingLimits.DEFAULT;
    private DecodingBudget decoding;
    private String defaultModel;
    private RequestThreads requestThreads =
        new RequestThreads(DEFAULT_MAX_THREADS, DEFAULT_REQUEST_NICE);
    private long maxArrivingBodyBytes = Runtime.getRuntime().maxMemory() / 4;
    private int maxConnections = defaultMaxConnections();
    private LogFormat logFormat = LogFormat.OFF;
    private Consumer<String> logOutput = StandardOutput.INSTANCE;
    private PngDecoder pngDecoder = PngDecoder.FAST;

    private Builder() {}

    /** The interface and port to listen on. */
    public Builder address(String newHost, int newPort) {
      this.host = newHost;
      this.port = newPort;
      return this;
    }

    /** The largest request body accepted. */
    public Builder maxRequestBytes(long bytes) {
      this.maxRequestBytes = bytes;
      return this;
    }

    /** The limits on each image. */
    public Builder preprocessing(PreprocessingLimits limits) {
      this.preprocessing = limits;
      return this;
    }

    /** The memory the images being preprocessed at once may hold; by default half the heap. */
    public Builder decoding(DecodingBudget budget) {
      this.decoding = budget;
      return this;
    }

    /** The model for requests that name none; null keeps the catalog's own default. */
    public Builder defaultModel(String name) {
      this.defaultModel = name;
      return this;
    }

    /** Jetty's request threads. */
    public Builder requestThreads(RequestThreads threads) {
      this.requestThreads = threads;
      return this;
    }

    /** The most bytes of bodies still arriving, all requests together. */
    public Builder maxArrivingBodyBytes(long bytes) {
      this.maxArrivingBodyBytes = bytes;
      return this;
    }

    /** The most connections open at once. */
    public Builder maxConnections(int connections) {
      this.maxConnections = connections;
      return this;
    }

    /** One line per request in this format, to standard output; none by default. */
    public Builder logFormat(LogFormat format) {
      this.logFormat = format;
      return this;
    }

    /** One line per request in this format, to {@code output}. */
    public Builder requestLog(LogFormat format, Consumer<String> output) {
      this.logFormat = format;
      this.logOutput = output;
      return this;
    }

    /** The code that decodes PNGs: the fast path by default. */
    public Builder pngDecoder(PngDecoder decoder) {
      this.pngDecoder = decoder;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException when a setting is out of its range
     */
    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          maxRequestBytes,
          preprocessing,
          decoding != null ? decoding : DecodingBudget.halfTheHeap(DECODING_WAIT),
          defaultModel,
          requestThreads,
          maxArrivingBodyBytes,
          maxConnections,
          logFormat,
          logOutput,
          pngDecoder);
    }
  }

  /**
   * Jetty's threads, which do everything for a request but its forward pass.
   *
   * @param max the most threads for connections and requests, at least the pool's minimum (8)
   * @param niceIncrement how many steps down Linux's nice scale (0–19) they run from the rest of
   *     the process, and so from the inference threads; 0 (the default) leaves them alone. Under
   *     load the forward passes are the one stage every request waits for in turn, and at equal
   *     priority a pass is preempted by a dozen request threads. Measured at 16 clients on 2 cores,
   *     4 steps served 5–18 % more requests a second, but p99 latency rose from 17–19 ms to 21–24
   *     ms (preprocessing now waits for whole passes), and it puts the request threads below every
   *     other process on the machine too: a trade for a dedicated server, not a default. No effect
   *     elsewhere than Linux.
   */
  public record RequestThreads(int max, int niceIncrement) {
    public RequestThreads {
      if (max < RequestThreadPool.MIN_THREADS) {
        throw new IllegalArgumentException(
            "Jetty needs at least " + RequestThreadPool.MIN_THREADS + " threads, got " + max);
      }
      if (niceIncrement < 0 || niceIncrement > NiceValue.LOWEST) {
        throw new IllegalArgumentException(
            "the request threads' nice increment must be in 0..19, got " + niceIncrement);
      }
    }
  }
}
