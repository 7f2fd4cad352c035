/**
 * The HTTP server and the web page.
 *
 * <p>{@link dev.digits.serving.DigitsServer} lists every route in one place. Its handlers are a few
 * lines each: {@code PredictRequestReader} turns a request in any accepted format into a {@code
 * PredictRequest}, {@code Recognizer} (which knows nothing of HTTP) preprocesses the image and asks
 * a model, and {@code ApiResponses} holds the JSON shapes. {@code ErrorResponses} is the one place
 * where failures become the JSON error body.
 *
 * <p>Public API: {@link dev.digits.serving.DigitsServer}, configured by a {@link
 * dev.digits.serving.ServerConfig} and serving the models of a {@link
 * dev.digits.serving.ModelCatalog}. The page, its scripts and the OpenAPI document live in {@code
 * src/main/resources/web} and are served from the class path; so is the study report, which the
 * build bundles from {@code models/study/index.html} when there is one.
 */
package dev.digits.serving;
