package org.abdmdesk.app.qr;

import com.github.sarxos.webcam.Webcam;
import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default webcam through webcam-capture. This class is loaded only when the desk starts a
 * camera scan, so start-up never touches the native camera libraries. A missing camera or a native
 * library that will not load becomes a {@link FrameSourceException}, never a crash.
 */
public final class WebcamFrameSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(WebcamFrameSource.class);
    private Webcam webcam;

    @Override
    public void open() throws FrameSourceException {
        try {
            webcam = Webcam.getDefault(3_000);
        } catch (RuntimeException | LinkageError | java.util.concurrent.TimeoutException e) {
            LOG.warn("camera unavailable: {}", e.getClass().getName());
            throw new FrameSourceException("qr.camera.unavailable", "camera driver failed", e);
        }
        if (webcam == null) {
            throw new FrameSourceException("qr.camera.none", "no camera", null);
        }
        try {
            webcam.open();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("camera would not open: {}", e.getClass().getName());
            throw new FrameSourceException("qr.camera.unavailable", "camera would not open", e);
        }
    }

    @Override
    public BufferedImage grab() throws FrameSourceException {
        BufferedImage image = webcam == null ? null : webcam.getImage();
        if (image == null) {
            throw new FrameSourceException("qr.camera.lost", "no picture from camera", null);
        }
        return image;
    }

    @Override
    public void close() {
        if (webcam != null) {
            webcam.close();
            webcam = null;
        }
    }
}
