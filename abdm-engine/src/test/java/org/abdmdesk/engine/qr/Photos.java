package org.abdmdesk.engine.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.oned.Code128Writer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Builds "camera photos" of a QR in tests: placed, turned, shrunk, dimmed, blurred, JPEG-damaged. */
final class Photos {
    private Photos() {
    }

    /** A sample ABHA QR text, exactly as the ABHA service (and the simulator) would put it in the PNG. */
    static final String ABHA_QR_TEXT = """
            {"hidn":"91-6285-4575-5116","hid":"asha.verma@abdm","name":"Asha Verma","gender":"F",\
            "statelgd":"29","distlgd":"572","dob":"25/6/1990","state name":"KARNATAKA",\
            "district_name":"BENGALURU URBAN","mobile":"98xxxxxx21","address":"12, 4th Cross, MG Road, Bengaluru"}""";

    /** A shorter ABHA/PHR-app QR (version 9 instead of 12): what a small QR in a webcam frame can still be. */
    static final String PHR_APP_QR_TEXT = """
            {"hidn":"42-7175-8604-4553","phr":"kiran.m@sbx","name":"Kiran M","gender":"M","statelgd":"4",\
            "distlgd":"44","dob":"12-9-1971","address":"As declared by the user"}""";

    static BufferedImage qr(String text, int size) {
        return toRgb(QrCodes.render(text, size));
    }

    /**
     * The picture drawn {@code width} pixels wide, turned {@code degrees} clockwise, centred on a
     * {@code frameW x frameH} grey frame with sensor-like noise (fixed seed: the same photo every run).
     */
    static BufferedImage inFrame(BufferedImage picture, int frameW, int frameH, int width, double degrees) {
        BufferedImage frame = new BufferedImage(frameW, frameH, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        int[] row = new int[frameW];
        for (int y = 0; y < frameH; y++) {
            for (int x = 0; x < frameW; x++) {
                // a lighting gradient plus roughly Gaussian sensor noise (sum of uniforms, sd ~12)
                int noise = random.nextInt(15) + random.nextInt(15) + random.nextInt(15) - 21;
                int v = Math.clamp(110 + (x + y) * 40 / (frameW + frameH) + noise, 0, 255);
                row[x] = v << 16 | v << 8 | v;
            }
            frame.setRGB(0, y, frameW, 1, row, 0, frameW);
        }
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // a camera sensor averages the light over each pixel: shrink by area averaging, then turn
        BufferedImage sized = areaScaled(picture, width);
        AffineTransform t = new AffineTransform();
        t.translate(frameW / 2.0, frameH / 2.0);
        t.rotate(Math.toRadians(degrees));
        t.translate(-sized.getWidth() / 2.0, -sized.getHeight() / 2.0);
        g.drawImage(sized, t, null);
        g.dispose();
        return frame;
    }

    private static BufferedImage areaScaled(BufferedImage picture, int width) {
        int height = Math.max(1, Math.round(picture.getHeight() * width / (float) picture.getWidth()));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(picture.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage scaled(BufferedImage picture, double factor) {
        int w = (int) Math.round(picture.getWidth() * factor);
        int h = (int) Math.round(picture.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Black becomes {@code dark}, white becomes {@code light} (grey levels 0..255), linearly. */
    static BufferedImage lowContrast(BufferedImage picture, int dark, int light) {
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int v = picture.getRGB(x, y) & 0xFF;
                int m = dark + (light - dark) * v / 255;
                out.setRGB(x, y, m << 16 | m << 8 | m);
            }
        }
        return out;
    }

    static BufferedImage inverted(BufferedImage picture) {
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                out.setRGB(x, y, ~picture.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    /** A {@code size x size} box blur (an out-of-focus camera). */
    static BufferedImage blurred(BufferedImage picture, int size) {
        float[] kernel = new float[size * size];
        java.util.Arrays.fill(kernel, 1f / kernel.length);
        return new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null)
                .filter(toRgb(picture), null);
    }

    static BufferedImage jpeg(BufferedImage picture, float quality) {
        return read(jpegBytes(picture, quality));
    }

    static byte[] jpegBytes(BufferedImage picture, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(toRgb(picture), null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    static BufferedImage blank(int w, int h, Color colour) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return out;
    }

    static BufferedImage code128(String text) {
        return toRgb(MatrixToImageWriter.toBufferedImage(
                new Code128Writer().encode(text, BarcodeFormat.CODE_128, 400, 120)));
    }

    static BufferedImage toRgb(BufferedImage picture) {
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
