package org.abdmdesk.app.share;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.abdmdesk.engine.abha.Document;

/** A printable token slip (PNG): the lines given, the token number large in the middle. */
final class TokenSlip {
    static final int WIDTH = 600;
    static final int HEIGHT = 400;

    private TokenSlip() {
    }

    static Document render(String heading, String number, List<String> lines) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
            g.drawString(heading, 30, 50);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 120));
            g.drawString(number, 30, 200);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
            int y = 260;
            for (String line : lines) {
                g.drawString(line, 30, y);
                y += 36;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Document("image/png", png.toByteArray());
    }
}
