package dev.digits.serving;

import dev.digits.preprocessing.DigitImage;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.InkPicture;
import dev.digits.preprocessing.PreprocessingException;

/** The image in a prediction request, as the client sent it. */
sealed interface ImageInput {

  /** Decodes the image and turns it into the model's 28×28 input. */
  DigitImage preprocess(DigitPreprocessor preprocessor) throws PreprocessingException;

  /** Decodes the image and finds its ink, for reading a number of several digits. */
  InkPicture ink(DigitPreprocessor preprocessor) throws PreprocessingException;

  /** A {@code data:image/...;base64,...} URL, as a canvas's {@code toDataURL()} makes. */
  record DataUrl(String value) implements ImageInput {
    @Override
    public DigitImage preprocess(DigitPreprocessor preprocessor) throws PreprocessingException {
      return preprocessor.fromDataUrl(value);
    }

    @Override
    public InkPicture ink(DigitPreprocessor preprocessor) throws PreprocessingException {
      return preprocessor.inkFromDataUrl(value);
    }
  }

  /** The bytes of a PNG or JPEG file. */
  record Encoded(byte[] bytes) implements ImageInput {
    @Override
    public DigitImage preprocess(DigitPreprocessor preprocessor) throws PreprocessingException {
      return preprocessor.fromEncoded(bytes);
    }

    @Override
    public InkPicture ink(DigitPreprocessor preprocessor) throws PreprocessingException {
      return preprocessor.inkFromEncoded(bytes);
    }
  }
}
