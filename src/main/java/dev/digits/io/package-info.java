/**
 * What every layer writes, in one place and no other: whole files replaced atomically, SHA-256
 * digests, the project's JSON configurations, greyscale PNGs, class-path text, and for reports
 * HTML-safe text, number formats and page templates. Knows nothing of digits or models; JDK and
 * Jackson only.
 */
package dev.digits.io;
