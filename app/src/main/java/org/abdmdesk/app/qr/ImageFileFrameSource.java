package org.abdmdesk.app.qr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** One picture from an image file ("Open image file..."). */
public final class ImageFileFrameSource implements FrameSource {
    private final Path file;
    private BufferedImage image;

    public ImageFileFrameSource(Path file) {
        this.file = file;
    }

    @Override
    public void open() throws FrameSourceException {
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new FrameSourceException("qr.file.unreadable", "could not read image file", e);
        }
        if (image == null) {
            throw new FrameSourceException("qr.file.notImage", "not an image file", null);
        }
    }

    @Override
    public BufferedImage grab() {
        return image;
    }

    @Override
    public void close() {
        image = null;
    }
}
