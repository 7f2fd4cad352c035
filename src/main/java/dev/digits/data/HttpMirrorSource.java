package dev.digits.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * An HTTP(S) mirror that serves the gzipped files under one base URL, e.g. {@code BASE/
 * train-images-idx3-ubyte.gz}. Redirects are followed (but never from HTTPS to HTTP).
 *
 * <p>Fails fast by design: a short connect timeout, and after the first request that gets no
 * response at all (host not found, connection refused, timeout) the mirror is skipped for the rest
 * of the run, so an unreachable mirror costs one timeout per fetch, not one per file. A download
 * that stops delivering data for the read timeout is abandoned.
 *
 * <p>Uses the JVM's proxy settings ({@code -Dhttps.proxyHost=…} or {@code
 * -Djava.net.useSystemProxies=true}).
 */
public final class HttpMirrorSource implements MnistSource {
  /** How long to wait for a mirror to accept the connection unless told otherwise. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a mirror may take to answer, or stay silent mid-download, unless told otherwise. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private HttpClient client;
  private String unreachableBecause;

  /**
   * A mirror at {@code base} (an absolute http or https URL; a missing trailing slash is added).
   *
   * @throws IllegalArgumentException if {@code base} is not an absolute http(s) URL
   */
  public HttpMirrorSource(URI base, Duration connectTimeout, Duration readTimeout) {
    String scheme = base.getScheme();
    if (!base.isAbsolute()
        || base.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException(base + " is not an http(s) URL");
    }
    String text = base.toString();
    this.base = text.endsWith("/") ? base : URI.create(text + "/");
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /** A mirror given as text, e.g. from the command line, with the default read timeout. */
  public static HttpMirrorSource of(String url, Duration connectTimeout) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(url + " is not a URL (" + e.getReason() + ")", e);
    }
    return new HttpMirrorSource(uri, connectTimeout, DEFAULT_READ_TIMEOUT);
  }

  @Override
  public String name() {
    return "mirror " + base;
  }

  @Override
  public void fetch(MnistFile file, OutputStream out, FetchListener listener) throws IOException {
    if (unreachableBecause != null) {
      throw new SourceSkippedException(unreachableBecause);
    }
    URI uri = base.resolve(file.gzipName());
    HttpResponse<InputStream> response = send(uri);
    try (InputStream body = response.body();
        StallWatchdog watchdog = new StallWatchdog(body, readTimeout)) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " for " + uri);
      }
      long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      InputStream counted =
          new CountingInputStream(
              body,
              done -> {
                watchdog.activity();
                listener.progress(file, done, total);
              });
      try (InputStream raw = IdxReader.decompressIfGzipped(counted)) {
        raw.transferTo(out);
      } catch (IOException e) {
        if (watchdog.tripped()) {
          throw new IOException("no data for " + Format.seconds(readTimeout) + ", gave up", e);
        }
        throw e;
      }
    }
  }

  private HttpResponse<InputStream> send(URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET().build();
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      unreachableBecause = describeConnectionFailure(e);
      throw new IOException(unreachableBecause, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + uri);
    }
  }

  private HttpClient client() {
    if (client == null) {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NORMAL);
      ProxySelector proxies = ProxySelector.getDefault();
      if (proxies != null) {
        builder.proxy(proxies);
      }
      client = builder.build();
    }
    return client;
  }

  /** The JDK reports most connection failures as a bare ConnectException; name the real cause. */
  private String describeConnectionFailure(IOException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return "host not found";
      }
    }
    if (failure instanceof HttpConnectTimeoutException) {
      return "no connection within " + Format.seconds(connectTimeout);
    }
    if (failure instanceof HttpTimeoutException) {
      return "no response within " + Format.seconds(readTimeout);
    }
    if (failure instanceof ConnectException && failure.getMessage() == null) {
      return "connection refused or network unreachable";
    }
    if (failure instanceof SSLException) {
      return "TLS failed: " + Format.reason(failure);
    }
    return Format.reason(failure);
  }
}
