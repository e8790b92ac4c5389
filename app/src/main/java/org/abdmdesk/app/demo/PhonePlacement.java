package org.abdmdesk.app.demo;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Where the patient phone goes: just right of the main window when it fits on the screen,
 * otherwise against the screen's right edge, so it covers as little of the desk as possible.
 */
public final class PhonePlacement {
    static final double GAP = 8;

    private PhonePlacement() {
    }

    /** The top-left corner of a {@code width} x {@code height} phone beside {@code main} on {@code screen}. */
    public static Point2D beside(Rectangle2D screen, Rectangle2D main, double width, double height) {
        double x = Math.min(main.getMaxX() + GAP, screen.getMaxX() - width);
        double y = Math.min(Math.max(main.getMinY(), screen.getMinY()), screen.getMaxY() - height);
        return new Point2D(Math.max(screen.getMinX(), x), Math.max(screen.getMinY(), y));
    }

    /**
     * How wide the main window should be so the phone fits beside it: {@code preferred} when the
     * screen has room, else what is left (never narrower than {@code minimum}, never wider than the screen).
     */
    public static double mainWidth(Rectangle2D screen, double preferred, double minimum, double phoneWidth) {
        double room = screen.getWidth() - phoneWidth - GAP;
        return Math.min(screen.getWidth(), Math.max(minimum, Math.min(preferred, room)));
    }
}
