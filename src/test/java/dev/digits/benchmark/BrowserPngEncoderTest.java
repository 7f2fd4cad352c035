package dev.digits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BrowserPngEncoderTest {

  @Test
  void writesPixelsImageIoReadsBackExactly() throws Exception {
    Random random = new Random(3);
    BufferedImage image = new BufferedImage(61, 47, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, x < 30 ? 0xFFFFFFFF : random.nextInt());
      }
    }

    BufferedImage read = ImageIO.read(new ByteArrayInputStream(BrowserPngEncoder.encode(image)));

    assertThat(read.getWidth()).isEqualTo(61);
    assertThat(read.getHeight()).isEqualTo(47);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        assertThat(read.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(image.getRGB(x, y));
      }
    }
  }

  @Test
  void writesRgbaInIdatChunksOfAtMost4096BytesAsChromiumDoes() {
    byte[] png = CanvasDrawings.generate(1, 7, CanvasDrawings.Background.WHITE).get(0).png();

    ByteBuffer bytes = ByteBuffer.wrap(png, 8, png.length - 8);
    List<Integer> idatLengths = new ArrayList<>();
    int colourType = -1;
    while (bytes.hasRemaining()) {
      int length = bytes.getInt();
      byte[] type = new byte[4];
      bytes.get(type);
      if (new String(type).equals("IHDR")) {
        colourType = png[bytes.position() + 9];
      }
      if (new String(type).equals("IDAT")) {
        idatLengths.add(length);
      }
      bytes.position(bytes.position() + length + 4);
    }

    assertThat(colourType).isEqualTo(6);
    assertThat(idatLengths).hasSizeGreaterThan(1).allMatch(length -> length <= 4096);
    assertThat(idatLengths.get(0)).isEqualTo(4096);
  }
}
