package dev.digits.benchmark;

/**
 * What one concurrency level of a load test measured, over its measurement window only.
 *
 * @param clients connections sending requests back to back
 * @param seconds length of the measurement window
 * @param requests requests answered with 200 in the window
 * @param errors requests that failed: any other status, or a broken connection
 * @param requestsPerSecond {@code requests / seconds}
 * @param p50Millis median latency of the answered requests
 * @param p90Millis 90th percentile latency
 * @param p99Millis 99th percentile latency
 * @param maxMillis the slowest answered request
 * @param correct share of answered requests whose digit is the one drawn (NaN when none)
 * @param clientCpuMicrosPerRequest CPU time the load generator's threads spent per request
 * @param serverCpuMicrosPerRequest CPU time the server process spent per request, or null where it
 *     cannot be measured
 */
public record LevelResult(
    int clients,
    double seconds,
    long requests,
    long errors,
    double requestsPerSecond,
    double p50Millis,
    double p90Millis,
    double p99Millis,
    double maxMillis,
    double correct,
    double clientCpuMicrosPerRequest,
    Double serverCpuMicrosPerRequest) {}
