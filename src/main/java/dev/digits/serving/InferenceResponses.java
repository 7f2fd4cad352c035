package dev.digits.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The JSON bodies of the Open Inference Protocol (KServe v2, Triton's REST API), one record each,
 * named as the protocol names them.
 */
final class InferenceResponses {
  private InferenceResponses() {}

  /** {@code GET /v2}. */
  record ServerMetadata(String name, String version, List<String> extensions) {}

  /** {@code GET /v2/health/live}. */
  record Live(boolean live) {}

  /** {@code GET /v2/health/ready}. */
  record Ready(boolean ready) {}

  /** {@code GET /v2/models/{name}/ready}. */
  record ModelReady(String name, boolean ready) {}

  /** {@code GET /v2/models/{name}}. */
  record ModelMetadata(
      String name,
      List<String> versions,
      String platform,
      List<TensorMetadata> inputs,
      List<TensorMetadata> outputs) {}

  /** A tensor a model takes or gives; -1 in the shape for any size. */
  record TensorMetadata(String name, String datatype, long[] shape) {}

  /** {@code POST /v2/models/{name}/infer}; {@code id} only when the request had one. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record InferResponse(
      @JsonProperty("model_name") String modelName,
      @JsonProperty("model_version") String modelVersion,
      String id,
      List<OutputTensor> outputs) {}

  /** One output: its values flattened in row-major order. */
  record OutputTensor(String name, String datatype, long[] shape, Object data) {}

  /** The protocol's error body. */
  record Error(String error) {}
}
