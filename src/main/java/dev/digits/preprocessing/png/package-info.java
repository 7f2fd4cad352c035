/**
 * The fast PNG path: a zlib inflater and a decoder of the PNGs browsers' canvases export (8-bit
 * grey, RGB and their alpha variants, not interlaced), straight into luminance. Written for
 * throughput and kept behind this boundary: {@link dev.digits.preprocessing.png.PngFile} reads a
 * file's structure, {@link dev.digits.preprocessing.png.PngPixels} decodes it into {@link
 * dev.digits.preprocessing.png.LumaPlanes}, and anything else is ImageIO's. {@code digits serve
 * --png-decoder imageio} bypasses it entirely. JDK only.
 */
package dev.digits.preprocessing.png;
