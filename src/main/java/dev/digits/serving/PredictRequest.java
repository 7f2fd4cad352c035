package dev.digits.serving;

/**
 * What a client asks of {@code POST /api/predict}, whatever the body's format.
 *
 * @param image the drawing or photo
 * @param model name of the model to ask, or {@code null} for the default
 * @param includeInput whether to send back the 28×28 image the model saw
 */
record PredictRequest(ImageInput image, String model, boolean includeInput) {}
