package org.abdmdesk.engine.qr;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import java.awt.image.BufferedImage;

/**
 * An 8-bit luminance picture (0 black .. 255 white), immutable, with the few clean-ups the QR decoder
 * tries on camera photos: contrast stretch, inversion, scaling and rotation. Pixels are row-major.
 */
final class GreyImage {
    private static final int WHITE = 255;

    private final int width;
    private final int height;
    private final byte[] pixels;

    private GreyImage(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("bad image size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** The luminance of any BufferedImage; transparent pixels count as white (like paper behind them). */
    static GreyImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            image.getRaster().getDataElements(0, 0, w, h, out);
            return new GreyImage(w, h, out);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                int lum = (306 * r + 601 * g + 117 * b + 512) >> 10;
                if (a < 255) {
                    lum = (lum * a + WHITE * (255 - a)) / 255;
                }
                out[y * w + x] = (byte) lum;
            }
        }
        return new GreyImage(w, h, out);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    LuminanceSource luminanceSource() {
        return new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
    }

    /**
     * Spreads the luminance so that the darkest 1% becomes black and the brightest 1% white: turns a
     * grey-on-grey photo (poor light, faded print, dim phone screen) into black-on-white.
     */
    GreyImage stretched() {
        int[] histogram = new int[256];
        for (byte p : pixels) {
            histogram[p & 0xFF]++;
        }
        int tail = pixels.length / 100;
        int low = 0;
        for (int seen = histogram[0]; seen <= tail && low < 255; seen += histogram[++low]) {
            // walk up to the 1st percentile
        }
        int high = 255;
        for (int seen = histogram[255]; seen <= tail && high > 0; seen += histogram[--high]) {
            // walk down to the 99th percentile
        }
        if (high - low < 2) {
            return this;
        }
        byte[] out = new byte[pixels.length];
        int range = high - low;
        for (int i = 0; i < pixels.length; i++) {
            int v = ((pixels[i] & 0xFF) - low) * 255 / range;
            out[i] = (byte) Math.clamp(v, 0, 255);
        }
        return new GreyImage(width, height, out);
    }

    /** Light-on-dark becomes dark-on-light (QRs shown in a phone's dark mode, negative prints). */
    GreyImage inverted() {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (byte) (WHITE - (pixels[i] & 0xFF));
        }
        return new GreyImage(width, height, out);
    }

    /** Enlarged {@code factor} times with bilinear interpolation (small QRs get more pixels per module). */
    GreyImage enlarged(int factor) {
        if (factor < 2) {
            throw new IllegalArgumentException("factor must be at least 2");
        }
        int w = width * factor;
        int h = height * factor;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            double sy = (y + 0.5) / factor - 0.5;
            for (int x = 0; x < w; x++) {
                double sx = (x + 0.5) / factor - 0.5;
                out[y * w + x] = (byte) sample(sx, sy);
            }
        }
        return new GreyImage(w, h, out);
    }

    /** Shrunk by averaging {@code factor} x {@code factor} blocks (very large photos decode faster and better). */
    GreyImage shrunk(int factor) {
        if (factor < 2) {
            throw new IllegalArgumentException("factor must be at least 2");
        }
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        byte[] out = new byte[w * h];
        int area = factor * factor;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    int rowStart = (y * factor + dy) * width + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += pixels[rowStart + dx] & 0xFF;
                    }
                }
                out[y * w + x] = (byte) (sum / area);
            }
        }
        return new GreyImage(w, h, out);
    }

    /** Turned by {@code degrees} counter-clockwise around its centre; the new corners are white. */
    GreyImage rotated(double degrees) {
        int quarter = (int) Math.round(degrees / 90.0);
        if (Math.abs(degrees - quarter * 90.0) < 1e-9) {
            return rotatedQuarters(Math.floorMod(quarter, 4));
        }
        double rad = Math.toRadians(degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        int w = (int) Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
        int h = (int) Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double ncx = (w - 1) / 2.0;
        double ncy = (h - 1) / 2.0;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            double dy = y - ncy;
            for (int x = 0; x < w; x++) {
                double dx = x - ncx;
                // inverse rotation (y axis points down, so counter-clockwise on screen)
                double sx = cx + dx * cos - dy * sin;
                double sy = cy + dx * sin + dy * cos;
                out[y * w + x] = (byte) sample(sx, sy);
            }
        }
        return new GreyImage(w, h, out);
    }

    private GreyImage rotatedQuarters(int quarters) {
        if (quarters == 0) {
            return this;
        }
        boolean swap = quarters % 2 == 1;
        int w = swap ? height : width;
        int h = swap ? width : height;
        byte[] out = new byte[w * h];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx;
                int ny;
                switch (quarters) {
                    case 1 -> { nx = y; ny = width - 1 - x; }
                    case 2 -> { nx = width - 1 - x; ny = height - 1 - y; }
                    default -> { nx = height - 1 - y; ny = x; }
                }
                out[ny * w + nx] = pixels[y * width + x];
            }
        }
        return new GreyImage(w, h, out);
    }

    /** Bilinear sample; outside the picture is white. */
    private int sample(double sx, double sy) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        double top = lerp(pixel(x0, y0), pixel(x0 + 1, y0), fx);
        double bottom = lerp(pixel(x0, y0 + 1), pixel(x0 + 1, y0 + 1), fx);
        return (int) Math.round(lerp(top, bottom, fy));
    }

    private int pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            // clamp to the edge when just outside (interpolation), white further out (rotation corners)
            if (x >= -1 && y >= -1 && x <= width && y <= height) {
                return at(Math.clamp(x, 0, width - 1), Math.clamp(y, 0, height - 1));
            }
            return WHITE;
        }
        return pixels[y * width + x] & 0xFF;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
