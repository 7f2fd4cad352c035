/**
 * Command-line interface: one {@code digits} entry point with sub-commands that parse flags, call
 * into the other packages and turn failures into one-line messages and non-zero exit codes; the
 * console renderings of progress (training, fetching) live here too.
 */
package dev.digits.cli;
