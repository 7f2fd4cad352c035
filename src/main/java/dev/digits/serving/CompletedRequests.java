package dev.digits.serving;

import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * What Jetty calls once a response is complete, for every request, those refused before routing
 * included: the request's log line, and its error code counted.
 */
final class CompletedRequests implements RequestLog {
  private final ServerMetrics metrics;
  private final LogFormat format;
  private final Consumer<String> output;

  CompletedRequests(ServerMetrics metrics, LogFormat format, Consumer<String> output) {
    this.metrics = metrics;
    this.format = format;
    this.output = output;
  }

  @Override
  public void log(Request request, Response response) {
    CompletedRequest completed = CompletedRequest.of(request, response, System.nanoTime());
    metrics.completed(completed);
    String line = format.line(completed);
    if (line != null) {
      output.accept(line);
    }
  }
}
