/**
 * Measurements of speed rather than quality: training and inference throughput of each
 * architecture, the training time a recipe needs to reach a given test accuracy, and an HTTP load
 * generator (keep-alive sockets, canvas drawings encoded as a browser encodes them) for a running
 * server.
 */
package dev.digits.benchmark;
