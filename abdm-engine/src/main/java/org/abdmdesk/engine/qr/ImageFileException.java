package org.abdmdesk.engine.qr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Thrown by {@link QrImageDecoder#decode(Path)} when a picture file cannot be used: it is missing, cannot
 * be read, or is not an image format Java can decode. {@link #userMessage(Locale)} says so in English or
 * Hindi; the technical message names the file and the cause, nothing about any patient.
 */
public final class ImageFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Problem {
        /** There is no file at that path. */
        MISSING,
        /** The file exists but could not be read (permissions, a folder, an I/O error). */
        NOT_READABLE,
        /** The bytes are not a picture in a format ImageIO reads (PNG, JPEG, GIF, BMP...). */
        NOT_AN_IMAGE
    }

    private final Problem problem;
    private final String fileName;

    ImageFileException(Problem problem, Path file, Throwable cause) {
        super(problem + ": " + file, cause);
        this.problem = Objects.requireNonNull(problem);
        Path name = file.getFileName();
        this.fileName = name == null ? file.toString() : name.toString();
    }

    public Problem problem() {
        return problem;
    }

    /** One sentence for the person, naming the file (not its folder). */
    public String userMessage(Locale locale) {
        return QrText.sentence(locale, "image." + problem.name(), fileName);
    }
}
