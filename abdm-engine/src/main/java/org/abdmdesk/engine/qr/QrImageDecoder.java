package org.abdmdesk.engine.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import org.abdmdesk.engine.qr.ImageFileException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads a QR code in a picture: a webcam frame, a phone photo of an ABHA card, a screenshot
 * of the ABHA app. Returns the QR's text; hand it to {@link AbhaQrParser} to get the patient's details.
 *
 * <p>Photos are rarely clean, so after a plain attempt (ZXing, hybrid then global binarizer) the decoder
 * retries a fixed, bounded list of clean-ups and stops at the first success: contrast stretch, scaling
 * small pictures up and huge ones down, inversion (light on dark), quarter turns, and a few skew angles.
 * A picture without any QR therefore costs every attempt: about 0.2-0.5 s for a 640x480 frame on a slow
 * machine, so a live camera loop should use {@link #QrImageDecoder(int)} with few attempts.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class QrImageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(QrImageDecoder.class);
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    /** Pictures with a longer side up to this (webcam frames) are also tried enlarged: small QRs in them. */
    private static final int SMALL = 800;
    /** Pictures with a longer side above this are also tried shrunk. */
    private static final int LARGE = 1600;
    private static final double[] SKEW_ANGLES = {15, -15, 30, -30, 45};

    private final int maxAttempts;

    /** A decoder that tries every clean-up: for photos and files, where reading matters more than speed. */
    public QrImageDecoder() {
        this(Integer.MAX_VALUE);
    }

    /**
     * A decoder that stops after the first {@code maxAttempts} pictures of the list (1 = plain ZXing,
     * 4 = plain, contrast, enlarged x2 and x3 for a webcam frame). Use a small number in a live camera
     * loop, where the next frame is a better retry than an expensive clean-up.
     */
    public QrImageDecoder(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.maxAttempts = maxAttempts;
    }

    /** One clean-up to try: a name for the debug log and how to derive the picture. */
    private record Variant(String name, Supplier<GreyImage> image, boolean bothBinarizers) {
    }

    /** The text of the first QR code found in {@code image}, or empty when none could be read. */
    public Optional<String> decode(BufferedImage image) {
        Objects.requireNonNull(image);
        List<Variant> all = variants(GreyImage.of(image));
        List<Variant> variants = all.subList(0, Math.min(maxAttempts, all.size()));
        MultiFormatReader reader = new MultiFormatReader();
        reader.setHints(HINTS);
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            GreyImage grey = v.image().get();
            Optional<String> text = read(reader, grey.luminanceSource(), v.bothBinarizers());
            if (text.isPresent()) {
                LOG.debug("QR read on attempt {} of {} ({})", i + 1, variants.size(), v.name());
                return text;
            }
        }
        LOG.debug("no QR found after {} attempts on a {}x{} picture", variants.size(), image.getWidth(),
                image.getHeight());
        return Optional.empty();
    }

    /**
     * Reads the picture file (PNG, JPEG, or another format ImageIO knows) and decodes it.
     *
     * @throws ImageFileException when the file is missing, unreadable or not a picture
     */
    public Optional<String> decode(Path file) throws ImageFileException {
        Objects.requireNonNull(file);
        if (!Files.exists(file)) {
            throw new ImageFileException(Problem.MISSING, file, null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ImageFileException(Problem.NOT_READABLE, file, null);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IIOException e) {
            throw new ImageFileException(Problem.NOT_AN_IMAGE, file, e);
        } catch (IOException e) {
            throw new ImageFileException(Problem.NOT_READABLE, file, e);
        } catch (RuntimeException e) {
            // ImageIO's readers throw runtime exceptions on some damaged files
            throw new ImageFileException(Problem.NOT_AN_IMAGE, file, e);
        }
        if (image == null) {
            throw new ImageFileException(Problem.NOT_AN_IMAGE, file, null);
        }
        return decode(image);
    }

    /** The fixed list of attempts for one picture, cheapest and likeliest first; each is built lazily. */
    private static List<Variant> variants(GreyImage original) {
        Supplier<GreyImage> stretched = memo(original::stretched);
        List<Variant> list = new ArrayList<>();
        list.add(new Variant("original", () -> original, true));
        list.add(new Variant("contrast", stretched, true));
        int longSide = Math.max(original.width(), original.height());
        if (longSide <= SMALL) {
            list.add(new Variant("x2", () -> stretched.get().enlarged(2), true));
            list.add(new Variant("x3", () -> stretched.get().enlarged(3), false));
        } else if (longSide > LARGE) {
            int factor = (int) Math.ceil(longSide / (double) LARGE);
            list.add(new Variant("1/" + factor, () -> stretched.get().shrunk(factor), true));
            list.add(new Variant("1/" + 2 * factor, () -> stretched.get().shrunk(2 * factor), false));
        }
        Supplier<GreyImage> base = memo(longSide > LARGE
                ? () -> stretched.get().shrunk((int) Math.ceil(longSide / (double) LARGE))
                : stretched);
        list.add(new Variant("inverted", () -> base.get().inverted(), true));
        for (int quarter = 1; quarter <= 3; quarter++) {
            int degrees = quarter * 90;
            list.add(new Variant("rotated " + degrees, () -> base.get().rotated(degrees), false));
        }
        // Turning resamples the picture; on a webcam frame turn the doubled one so small QRs survive it.
        Supplier<GreyImage> skewBase = longSide <= SMALL ? memo(() -> stretched.get().enlarged(2)) : base;
        for (double angle : SKEW_ANGLES) {
            list.add(new Variant("rotated " + angle, () -> skewBase.get().rotated(angle), false));
        }
        return List.copyOf(list);
    }

    private static Optional<String> read(MultiFormatReader reader, LuminanceSource source, boolean both) {
        List<Function<LuminanceSource, BinaryBitmap>> binarizers = both
                ? List.of(s -> new BinaryBitmap(new HybridBinarizer(s)),
                        s -> new BinaryBitmap(new GlobalHistogramBinarizer(s)))
                : List.of(s -> new BinaryBitmap(new HybridBinarizer(s)));
        for (Function<LuminanceSource, BinaryBitmap> binarizer : binarizers) {
            try {
                Result result = reader.decodeWithState(binarizer.apply(source));
                return Optional.ofNullable(result.getText());
            } catch (ReaderException e) {
                // not found with this binarizer; try the next
            } catch (RuntimeException e) {
                // ZXing occasionally trips over odd pictures; treat as "not found here"
                LOG.debug("decoder failed on a variant: {}", e.toString());
            } finally {
                reader.reset();
            }
        }
        return Optional.empty();
    }

    private static Supplier<GreyImage> memo(Supplier<GreyImage> supplier) {
        return new Supplier<>() {
            private GreyImage value;

            @Override
            public GreyImage get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
