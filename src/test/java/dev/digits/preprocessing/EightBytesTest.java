package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EightBytesTest {

  @Test
  void fillWritesExactlyTheRangeLikeArraysFill() {
    for (int from = 0; from <= 40; from++) {
      for (int to = from; to <= 40; to++) {
        byte[] actual = new byte[40];
        byte[] expected = new byte[40];
        Arrays.fill(actual, (byte) 3);
        Arrays.fill(expected, (byte) 3);

        EightBytes.fill(actual, from, to, (byte) 0xC8);
        Arrays.fill(expected, from, to, (byte) 0xC8);

        assertThat(actual).as("[%d, %d)", from, to).isEqualTo(expected);
      }
    }
  }

  @Test
  void wordsAreLittleEndian() {
    byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    assertThat(EightBytes.get(bytes, 1)).isEqualTo(0x0908070605040302L);
    assertThat(EightBytes.repeated(0xAB)).isEqualTo(0xABABABABABABABABL);
  }
}
