/**
 * Measurements of speed rather than quality: training and inference throughput of each
 * architecture, and the training time a recipe needs to reach a given test accuracy.
 */
package dev.digits.benchmark;
