/**
 * Drawings as the page holds them — strokes of points with a pen width — and their rendering
 * exactly as the page's canvas renders them, so that what training and tests draw is what a person
 * draws. Also the centre lines (skeletons) of images, to redraw glyphs as pen strokes. JDK only.
 */
package dev.digits.drawing;
