package dev.digits.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop HTTP load test: a number of clients, each on its own keep-alive connection and
 * thread, sending the prepared requests one after another as fast as the answers come, first for a
 * warm-up whose results are dropped, then for a measured window.
 *
 * <p>The generator reports its own CPU time per request next to the server's, so a reader can see
 * that it was not the bottleneck.
 */
public final class LoadGenerator {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final byte[] DIGIT_FIELD = "\"digit\":".getBytes(StandardCharsets.US_ASCII);

  private final HttpTarget target;
  private final List<RequestFormat.PreparedRequest> requests;
  private final ServerCpu serverCpu;

  /**
   * @param target where to send the requests
   * @param drawings what to send, in turn
   * @param format how to send each drawing
   * @param includeInput whether to ask for the model's input image back, as the page does
   * @param serverCpu the server's CPU clock, or null where it cannot be read
   */
  public LoadGenerator(
      HttpTarget target,
      List<CanvasDrawings.Drawing> drawings,
      RequestFormat format,
      boolean includeInput,
      ServerCpu serverCpu) {
    if (drawings.isEmpty()) {
      throw new IllegalArgumentException("a load test needs at least one drawing");
    }
    this.target = target;
    this.requests = format.prepare(target, drawings, includeInput);
    this.serverCpu = serverCpu;
  }

  /**
   * Waits until the server's {@code /readyz} answers 200, then sends every request once and checks
   * that each is answered with 200, so a misconfigured run fails before it measures errors.
   *
   * @throws IOException when the server is not ready within {@code timeout} or refuses a request
   */
  public void check(Duration timeout) throws IOException, InterruptedException {
    byte[] ready =
        ("GET /readyz HTTP/1.1\r\nHost: " + target.hostHeader() + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KeepAliveConnection connection = new KeepAliveConnection(target.host(), target.port())) {
      while (true) {
        String problem;
        try {
          KeepAliveConnection.Response response = connection.exchange(ready);
          if (response.status() == 200) {
            break;
          }
          problem = "/readyz answers " + response.status();
        } catch (IOException e) {
          problem = e.getMessage();
        }
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "the server at "
                  + target.withPath("/")
                  + " is not ready after "
                  + timeout.toSeconds()
                  + " s: "
                  + problem);
        }
        Thread.sleep(100);
      }
      for (RequestFormat.PreparedRequest request : requests) {
        KeepAliveConnection.Response response = connection.exchange(request.bytes());
        if (response.status() != 200) {
          throw new IOException(
              target
                  + " answers "
                  + response.status()
                  + ": "
                  + new String(response.body(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** Runs one level: {@code clients} connections for {@code warmup}, then for {@code measured}. */
  public LevelResult run(int clients, Duration warmup, Duration measured)
      throws InterruptedException {
    long start = System.nanoTime() + warmup.toNanos();
    long end = start + measured.toNanos();
    List<Client> running = new ArrayList<>(clients);
    List<Thread> threads = new ArrayList<>(clients);
    for (int i = 0; i < clients; i++) {
      Client client = new Client(i * requests.size() / clients, start, end);
      Thread thread = new Thread(client, "digits-load-" + i);
      thread.setDaemon(true);
      running.add(client);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    sleepUntil(start);
    long serverStart = serverCpu == null ? 0 : serverCpu.nanos().getAsLong();
    sleepUntil(end);
    long serverEnd = serverCpu == null ? 0 : serverCpu.nanos().getAsLong();
    for (Thread thread : threads) {
      thread.join();
    }

    Latencies latencies = new Latencies();
    long errors = 0;
    long correct = 0;
    long clientCpu = 0;
    for (Client client : running) {
      latencies.addAll(client.latencies);
      errors += client.errors;
      correct += client.correct;
      clientCpu += client.cpuEnd - client.cpuStart;
    }
    long answered = latencies.count();
    long[] sorted = latencies.sorted();
    double seconds = measured.toNanos() / 1e9;
    long served = answered + errors;
    Double serverMicros = null;
    if (serverCpu != null && served > 0) {
      long serverNanos = serverEnd - serverStart;
      if (serverCpu.includesLoadGenerator()) {
        serverNanos -= clientCpu;
      }
      serverMicros = serverNanos / 1e3 / served;
    }
    return new LevelResult(
        clients,
        seconds,
        answered,
        errors,
        answered / seconds,
        Latencies.percentileMillis(sorted, 0.50),
        Latencies.percentileMillis(sorted, 0.90),
        Latencies.percentileMillis(sorted, 0.99),
        Latencies.percentileMillis(sorted, 1.0),
        answered == 0 ? Double.NaN : (double) correct / answered,
        served == 0 ? Double.NaN : clientCpu / 1e3 / served,
        serverMicros);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  /** The digit in a prediction's JSON, or -1 if there is none. */
  static int digitIn(byte[] json) {
    outer:
    for (int i = 0; i + DIGIT_FIELD.length < json.length; i++) {
      for (int j = 0; j < DIGIT_FIELD.length; j++) {
        if (json[i + j] != DIGIT_FIELD[j]) {
          continue outer;
        }
      }
      int at = i + DIGIT_FIELD.length;
      while (at < json.length && json[at] == ' ') {
        at++;
      }
      return at < json.length && json[at] >= '0' && json[at] <= '9' ? json[at] - '0' : -1;
    }
    return -1;
  }

  /** One connection sending requests back to back; its counts cover the measured window only. */
  private final class Client implements Runnable {
    private final int first;
    private final long start;
    private final long end;
    final Latencies latencies = new Latencies();
    long errors;
    long correct;
    long cpuStart;
    long cpuEnd;

    Client(int first, long start, long end) {
      this.first = first;
      this.start = start;
      this.end = end;
    }

    @Override
    public void run() {
      boolean measuring = false;
      try (KeepAliveConnection connection = new KeepAliveConnection(target.host(), target.port())) {
        for (int next = first; ; next++) {
          long sent = System.nanoTime();
          if (sent >= end) {
            break;
          }
          if (!measuring && sent >= start) {
            measuring = true;
            cpuStart = THREADS.getCurrentThreadCpuTime();
          }
          RequestFormat.PreparedRequest request = requests.get(next % requests.size());
          int status;
          int digit = -1;
          try {
            KeepAliveConnection.Response response = connection.exchange(request.bytes());
            status = response.status();
            if (status == 200) {
              digit = digitIn(response.body());
            }
          } catch (IOException e) {
            status = -1;
          }
          long answered = System.nanoTime();
          if (measuring && answered <= end) {
            if (status == 200) {
              latencies.add(answered - sent);
              if (digit == request.drawing().digit()) {
                correct++;
              }
            } else {
              errors++;
            }
          }
          if (status < 0) {
            pauseAfterFailure();
          }
        }
      }
      cpuEnd = measuring ? THREADS.getCurrentThreadCpuTime() : cpuStart;
    }

    /** A refused connection fails at once; retrying in a tight loop would only burn the CPU. */
    private void pauseAfterFailure() {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
