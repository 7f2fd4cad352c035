/**
 * Classifying many images offline: image files, folders and IDX files in, one line per image out.
 *
 * <p>{@link dev.digits.batch.BatchInputs} turns the command line's inputs into one list in a stable
 * order; a {@link dev.digits.batch.Shard} takes an exact share of it, so that N processes (or a
 * Kubernetes Indexed Job) split the work with nothing done twice or missed; {@link
 * dev.digits.batch.BatchClassifier} preprocesses each image as the server does and classifies them
 * in batches; {@link dev.digits.batch.OutputFormat} writes each {@link
 * dev.digits.batch.Classification} as a JSON line or a CSV row, without timings, so two runs
 * compare byte for byte.
 */
package dev.digits.batch;
