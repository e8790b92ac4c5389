package org.abdmdesk.app.qr;

import java.awt.image.BufferedImage;

/** Where pictures to scan come from: a webcam, or an image file. */
public interface FrameSource extends AutoCloseable {
    void open() throws FrameSourceException;

    /** The next picture; may block briefly. */
    BufferedImage grab() throws FrameSourceException;

    @Override
    void close();
}
