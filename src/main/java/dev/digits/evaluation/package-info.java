/**
 * Measuring a model on a labelled set: accuracy, loss, per-class scores, confusion matrix,
 * confident mistakes, and their rendering as text, JSON and a self-contained HTML report.
 */
package dev.digits.evaluation;
