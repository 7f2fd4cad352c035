/**
 * Labelled 28 × 28 examples from every source the model learns from or is measured on: pen digits
 * of real writers and generated non-digits, drawn as the page draws them and preprocessed as the
 * server preprocesses them ({@link dev.digits.corpus.CanvasPath}), and the split of writers into
 * training and validation. Every random choice comes from the caller's generator, so the same seed
 * makes the same examples.
 */
package dev.digits.corpus;
