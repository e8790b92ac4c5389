package org.abdmdesk.engine.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.abdmdesk.engine.identity.Gender;

/** Draws a small passport-style JPEG (silhouette and initials) for a fictional person; cached. */
final class PhotoRenderer {
    static final int WIDTH = 120;
    static final int HEIGHT = 150;
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private PhotoRenderer() {
    }

    static String jpegBase64(Person person) {
        return Base64.getEncoder().encodeToString(jpeg(person));
    }

    static byte[] jpeg(Person person) {
        return CACHE.computeIfAbsent(person.name() + "|" + person.gender(), k -> draw(person));
    }

    static BufferedImage image(Person person) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(jpeg(person)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] draw(Person person) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xE8EEF5));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Color body = person.gender() == Gender.FEMALE ? new Color(0xB0507A) : new Color(0x3F6FA8);
            g.setColor(body);
            g.fill(new Ellipse2D.Double(15, 95, 90, 90));
            g.setColor(new Color(0xC99A73));
            g.fill(new Ellipse2D.Double(35, 28, 50, 60));
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(0, 0, WIDTH - 1, HEIGHT - 1);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            String initials = initial(person.firstName()) + initial(person.lastName());
            FontMetrics fm = g.getFontMetrics();
            g.setColor(Color.WHITE);
            g.drawString(initials, (WIDTH - fm.stringWidth(initials)) / 2, 135);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String initial(String s) {
        return s == null || s.isBlank() ? "" : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }
}
