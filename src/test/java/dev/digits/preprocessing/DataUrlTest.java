package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.preprocessing.PreprocessingException.Reason;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DataUrlTest {

  private static final byte[] PNG =
      DigitDrawing.png(
          DigitDrawing.blackOnWhite(
              120, DigitDrawing.Shape.ZERO, new Rectangle2D.Double(30, 20, 60, 80), 9));

  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);

  private static void assertRefused(String url, Reason reason, String messagePart) {
    assertThatThrownBy(() -> DataUrl.decode(url, PreprocessingLimits.DEFAULT))
        .isInstanceOfSatisfying(
            PreprocessingException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(messagePart);
  }

  @Test
  void decodesCanvasDataUrl() throws Exception {
    DigitImage fromUrl = preprocessor.fromDataUrl(DigitDrawing.dataUrl("image/png", PNG));

    assertThat(fromUrl.pixels()).isEqualTo(preprocessor.fromEncoded(PNG).pixels());
  }

  @Test
  void toleratesWhitespaceAndLineBreaksInBase64() throws Exception {
    String wrapped = Base64.getMimeEncoder(60, "\r\n".getBytes()).encodeToString(PNG);

    byte[] decoded =
        DataUrl.decode("  data:image/png;base64,\n" + wrapped + " \n", PreprocessingLimits.DEFAULT);

    assertThat(decoded).isEqualTo(PNG);
  }

  @Test
  void acceptsJpegAndLooseSpellingOfTheHeader() throws Exception {
    byte[] jpeg =
        DigitDrawing.jpeg(
            DigitDrawing.blackOnWhite(
                120, DigitDrawing.Shape.ZERO, new Rectangle2D.Double(30, 20, 60, 80), 9),
            0.9f);

    preprocessor.fromDataUrl(DigitDrawing.dataUrl("image/jpeg", jpeg));
    assertThat(
            DataUrl.decode(
                "DATA:Image/JPG;charset=binary;BASE64," + Base64.getEncoder().encodeToString(jpeg),
                PreprocessingLimits.DEFAULT))
        .isEqualTo(jpeg);
  }

  @Test
  void sniffsTheBytesRatherThanTrustingTheDeclaredType() throws Exception {
    byte[] gif = DigitDrawing.encode(DigitDrawing.canvas(10, 10, Color.WHITE), "gif");

    assertThatThrownBy(() -> preprocessor.fromDataUrl(DigitDrawing.dataUrl("image/png", gif)))
        .isInstanceOfSatisfying(
            PreprocessingException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));
  }

  @Test
  void rejectsOtherMediaTypesAsUnsupported() {
    assertRefused("data:image/svg+xml;base64,PHN2Zy8+", Reason.UNSUPPORTED_FORMAT, "image/svg+xml");
    assertRefused("data:image/gif;base64,R0lGODlh", Reason.UNSUPPORTED_FORMAT, "image/gif");
    assertRefused("data:,hello", Reason.UNSUPPORTED_FORMAT, "text/plain");
  }

  @Test
  void rejectsMalformedUrls() {
    assertRefused("iVBORw0KGgo=", Reason.MALFORMED, "data:");
    assertRefused("http://example.com/digit.png", Reason.MALFORMED, "data:");
    assertRefused("data:image/png;base64", Reason.MALFORMED, "','");
    assertRefused("data:image/png,%89PNG", Reason.MALFORMED, "base64");
    assertRefused("data:image/png;base64,", Reason.MALFORMED, "no data");
  }

  @Test
  void rejectsBadBase64() {
    assertRefused("data:image/png;base64,iVBO$$$w0KGgo=", Reason.MALFORMED, "base64");
    assertRefused("data:image/png;base64,iVBORw0KGgo=AAAA", Reason.MALFORMED, "base64");
    assertRefused("data:image/png;base64,iVBORw0KGgé=", Reason.MALFORMED, "non-ASCII");
  }
}
