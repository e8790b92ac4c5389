package org.abdmdesk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class PhonePlacementTest {
    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 1920, 1040);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);

    @Test
    void onAWideScreenThePhoneStandsRightOfTheMainWindow() {
        double w = PhonePlacement.mainWidth(WIDE, 1280, 960, 440);
        assertThat(w).isEqualTo(1280);
        Point2D at = PhonePlacement.beside(WIDE, new Rectangle2D(0, 0, w, 820), 440, 820);
        assertThat(at.getX()).isEqualTo(1280 + PhonePlacement.GAP);
        assertThat(at.getX() + 440).isLessThanOrEqualTo(WIDE.getMaxX());
        assertThat(at.getY()).isZero();
    }

    @Test
    void onASmallScreenTheMainWindowNarrowsOrThePhoneGoesToTheRightEdge() {
        double w = PhonePlacement.mainWidth(LAPTOP, 1280, 960, 440);
        assertThat(w).isEqualTo(960);
        Point2D at = PhonePlacement.beside(LAPTOP, new Rectangle2D(0, 0, w, 728), 440, 728);
        assertThat(at.getX()).isEqualTo(LAPTOP.getMaxX() - 440);
        assertThat(at.getY() + 728).isLessThanOrEqualTo(LAPTOP.getMaxY());
    }

    @Test
    void withoutAPhoneTheMainWindowTakesItsPreferredWidth() {
        assertThat(PhonePlacement.mainWidth(LAPTOP, 1280, 960, 0)).isEqualTo(1280);
        assertThat(PhonePlacement.mainWidth(new Rectangle2D(0, 0, 800, 600), 1280, 960, 0)).isEqualTo(800);
    }
}
