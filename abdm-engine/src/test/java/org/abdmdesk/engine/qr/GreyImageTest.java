package org.abdmdesk.engine.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class GreyImageTest {
    /** 3x2 picture: values 10, 20, 30 / 40, 50, 60. */
    private static GreyImage sample() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        int[] v = {10, 20, 30, 40, 50, 60};
        for (int i = 0; i < v.length; i++) {
            img.setRGB(i % 3, i / 3, 0xFF000000 | v[i] << 16 | v[i] << 8 | v[i]);
        }
        return GreyImage.of(img);
    }

    @Test
    void readsLuminanceAndTreatsTransparentAsWhite() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0xFF00FF00);
        img.setRGB(1, 0, 0x00000000);

        GreyImage g = GreyImage.of(img);

        assertThat(g.at(0, 0)).isBetween(145, 152); // pure green is bright-ish
        assertThat(g.at(1, 0)).isEqualTo(255);
    }

    @Test
    void quarterTurnsMovePixelsExactly() {
        GreyImage ccw = sample().rotated(90);

        assertThat(ccw.width()).isEqualTo(2);
        assertThat(ccw.height()).isEqualTo(3);
        assertThat(ccw.at(0, 0)).isEqualTo(30); // top-right goes to top-left
        assertThat(ccw.at(1, 2)).isEqualTo(40); // bottom-left goes to bottom-right
        GreyImage half = sample().rotated(180);
        assertThat(half.at(0, 0)).isEqualTo(60);
        assertThat(sample().rotated(270).at(0, 0)).isEqualTo(40);
        assertThat(sample().rotated(360).at(2, 1)).isEqualTo(60);
    }

    @Test
    void skewedTurnGrowsTheCanvasAndFillsCornersWithWhite() {
        GreyImage dark = GreyImage.of(new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY));

        GreyImage turned = dark.rotated(45);

        assertThat(turned.width()).isBetween(56, 58);
        assertThat(turned.at(0, 0)).isEqualTo(255);
        assertThat(turned.at(turned.width() / 2, turned.height() / 2)).isZero();
    }

    @Test
    void stretchSpreadsGreyToBlackAndWhite() {
        GreyImage s = sample().stretched();

        assertThat(s.at(0, 0)).isZero();
        assertThat(s.at(2, 1)).isEqualTo(255);
        assertThat(s.at(1, 0)).isBetween(40, 62);
    }

    @Test
    void invertShrinkAndEnlarge() {
        assertThat(sample().inverted().at(0, 0)).isEqualTo(245);
        GreyImage big = sample().enlarged(2);
        assertThat(big.width()).isEqualTo(6);
        assertThat(big.at(0, 0)).isEqualTo(10);
        assertThat(big.at(5, 3)).isEqualTo(60);
        GreyImage small = big.shrunk(2);
        assertThat(small.width()).isEqualTo(3);
        assertThat(small.at(1, 0)).isBetween(18, 28);
    }
}
