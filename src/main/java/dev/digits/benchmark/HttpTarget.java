package dev.digits.benchmark;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a load test sends its requests: a host, a port and the path of the prediction endpoint.
 *
 * @param host the server's host name or address
 * @param port its TCP port
 * @param path the path requests go to, with any query
 */
public record HttpTarget(String host, int port, String path) {
  /** The endpoint the drawing page posts to. */
  public static final String PREDICT_PATH = "/api/predict";

  /**
   * Parses {@code http://host:port} (the prediction path is appended) or a full URL of an endpoint.
   *
   * @throws IllegalArgumentException for anything but a plain http URL with a host
   */
  public static HttpTarget parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      throw new IllegalArgumentException(
          "only http:// URLs can be load-tested (the client speaks plain HTTP/1.1), not " + url);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the URL has no host: " + url);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (path.equals("/")) {
      path = PREDICT_PATH;
    }
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    return new HttpTarget(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), path);
  }

  /** The Host header's value. */
  String hostHeader() {
    String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return port == 80 ? name : name + ":" + port;
  }

  /** The same server, another path. */
  HttpTarget withPath(String newPath) {
    return new HttpTarget(host, port, newPath);
  }

  @Override
  public String toString() {
    return "http://" + hostHeader() + path;
  }
}
