package dev.digits.serving;

import java.util.List;

/** A request named a model the catalog does not have. */
final class UnknownModelException extends RuntimeException {
  UnknownModelException(String name, List<String> known) {
    super(
        "There is no model named '" + name + "'; this server has " + String.join(", ", known) + ".",
        null,
        false,
        false);
  }
}
