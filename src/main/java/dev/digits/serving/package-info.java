/**
 * The HTTP server: routes, request limits, JSON errors and the static web page. Handlers stay small
 * and call into preprocessing and model.
 */
package dev.digits.serving;
