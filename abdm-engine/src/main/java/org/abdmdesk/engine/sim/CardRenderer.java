package org.abdmdesk.engine.sim;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import javax.imageio.ImageIO;
import org.abdmdesk.engine.qr.QrCodes;

/**
 * Draws the simulated ABHA card as a PNG (headless Java2D): name, ABHA number, ABHA address, date
 * of birth, gender, mobile, photo and the ABHA QR, as certification case CRT_ABHA_114 expects.
 * The labels are what ABDM prints on its card (card content, not our UI).
 */
final class CardRenderer {
    static final int WIDTH = 860;
    static final int HEIGHT = 540;
    private static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private CardRenderer() {
    }

    static byte[] png(Account account, String address, String qrText) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setPaint(new GradientPaint(0, 0, new Color(0x0B3D91), WIDTH, 0, new Color(0x1E88E5)));
            g.fillRect(0, 0, WIDTH, 90);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            g.drawString("Ayushman Bharat Health Account (ABHA)", 30, 55);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString("SIMULATED CARD - DEMO DATA", 30, 80);

            g.drawImage(PhotoRenderer.image(account.person()), 30, 120, 150, 188, null);
            Person p = account.person();
            int y = 140;
            y = field(g, "Name", p.name(), y);
            y = field(g, "ABHA Number", account.hyphenated(), y);
            y = field(g, "ABHA Address", address, y);
            y = field(g, "Date of Birth", DOB.format(p.dob()), y);
            y = field(g, "Gender", p.gender().code(), y);
            field(g, "Mobile", account.mobile() == null ? "-" : account.mobile(), y);

            g.drawImage(QrCodes.render(qrText, 240), WIDTH - 270, 170, null);
            g.setColor(new Color(0x0B3D91));
            g.fillRect(0, HEIGHT - 24, WIDTH, 24);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int field(Graphics2D g, String label, String value, int y) {
        g.setColor(Color.GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(label, 210, y);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(value, 210, y + 22);
        return y + 58;
    }
}
