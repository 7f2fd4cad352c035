/**
 * Reads a whole number from one image: finds the digits in the ink (connected pieces, the pieces of
 * one digit merged, touching digits split where the classifier reads the parts best), normalizes
 * each as a single drawing is, and classifies them all in one batch. Pixels alone, no strokes, so a
 * photo of a written number works as a drawing does.
 */
package dev.digits.reading;
