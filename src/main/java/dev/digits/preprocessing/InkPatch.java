package dev.digits.preprocessing;

/**
 * A rectangle of ink to be scaled: {@code width × height} pixels at ({@code x}, {@code y}) of a
 * row-major byte array {@code stride} pixels wide.
 */
record InkPatch(byte[] ink, int stride, int x, int y, int width, int height) {}
