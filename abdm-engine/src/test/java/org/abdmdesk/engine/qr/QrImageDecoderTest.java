package org.abdmdesk.engine.qr;

import static org.abdmdesk.engine.qr.Photos.ABHA_QR_TEXT;
import static org.abdmdesk.engine.qr.Photos.PHR_APP_QR_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.abdmdesk.engine.qr.ImageFileException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QrImageDecoderTest {
    private final QrImageDecoder decoder = new QrImageDecoder();

    /** Photos of the ABHA card QR (version 12, as the ABHA service renders it) and of a PHR-app QR. */
    static Map<String, Supplier<BufferedImage>> photos() {
        BufferedImage card = Photos.qr(ABHA_QR_TEXT, 400);
        BufferedImage app = Photos.qr(PHR_APP_QR_TEXT, 400);
        return Map.ofEntries(
                Map.entry("card: clean render", () -> card),
                Map.entry("card: 150 px in a noisy 640x480 frame", () -> Photos.inFrame(card, 640, 480, 150, 0)),
                Map.entry("card: quarter turn", () -> Photos.inFrame(card, 640, 480, 300, 90)),
                Map.entry("card: turned 20 degrees", () -> Photos.inFrame(card, 640, 480, 300, 20)),
                Map.entry("card: turned -33 degrees", () -> Photos.inFrame(card, 640, 480, 220, -33)),
                Map.entry("card: frame scaled to half", () -> Photos.scaled(Photos.inFrame(card, 640, 480, 300, 20), 0.5)),
                Map.entry("card: low contrast #777 on #999",
                        () -> Photos.inFrame(Photos.lowContrast(card, 0x77, 0x99), 640, 480, 320, 0)),
                Map.entry("card: slightly blurred", () -> Photos.blurred(Photos.inFrame(card, 640, 480, 320, 0), 3)),
                Map.entry("card: JPEG quality 0.5", () -> Photos.jpeg(Photos.inFrame(card, 640, 480, 320, 5), 0.5f)),
                Map.entry("card: light on dark", () -> Photos.inverted(Photos.inFrame(card, 640, 480, 320, 0))),
                Map.entry("card: everything at once", () -> Photos.jpeg(Photos.blurred(Photos.inFrame(
                        Photos.lowContrast(card, 0x60, 0xB0), 640, 480, 260, -20), 3), 0.6f)),
                Map.entry("card: 12 MP phone photo", () -> Photos.inFrame(card, 4000, 3000, 900, 10)),
                Map.entry("app: 120 px in a noisy 640x480 frame", () -> Photos.inFrame(app, 640, 480, 120, 0)),
                Map.entry("app: 120 px turned 20 degrees", () -> Photos.inFrame(app, 640, 480, 120, 20)));
    }

    static Stream<String> photoNames() {
        return photos().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("photoNames")
    void readsTheQrInAPhotoAndItParses(String name) throws Exception {
        BufferedImage photo = photos().get(name).get();
        String expected = name.startsWith("card") ? ABHA_QR_TEXT : PHR_APP_QR_TEXT;

        Optional<String> text = decoder.decode(photo);

        assertThat(text).as(name).hasValue(expected);
        assertThat(AbhaQrParser.parse(text.orElseThrow()).abhaNumber()).isPresent();
    }

    /** Guards the point of the retries: these photos defeat a single plain ZXing pass. */
    @ParameterizedTest
    @ValueSource(strings = {"card: light on dark", "card: frame scaled to half",
        "card: slightly blurred", "app: 120 px turned 20 degrees"})
    void needsTheCleanUpsForTheHardPhotos(String name) {
        BufferedImage photo = photos().get(name).get();

        assertThat(new QrImageDecoder(1).decode(photo)).as(name).isEmpty();
        assertThat(decoder.decode(photo)).as(name).isPresent();
    }

    @Test
    void findsNothingInABlankOrNoisyPicture() {
        assertThat(decoder.decode(Photos.blank(640, 480, Color.WHITE))).isEmpty();
        assertThat(decoder.decode(Photos.blank(64, 48, Color.DARK_GRAY))).isEmpty();
        assertThat(decoder.decode(Photos.inFrame(Photos.blank(10, 10, Color.GRAY), 640, 480, 10, 0))).isEmpty();
    }

    @Test
    void refusesANonsenseAttemptLimit() {
        assertThatThrownBy(() -> new QrImageDecoder(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsOnlyQrCodesNotOtherBarcodes() {
        assertThat(decoder.decode(Photos.code128("91-6285-4575-5116"))).isEmpty();
    }

    @Test
    void readsANonAbhaQrWhichTheParserThenRefuses() {
        String text = decoder.decode(Photos.inFrame(Photos.qr("https://example.org", 300), 640, 480, 200, 0))
                .orElseThrow();

        assertThat(text).isEqualTo("https://example.org");
        assertThatThrownBy(() -> AbhaQrParser.parse(text)).isInstanceOfSatisfying(NotAbhaQrException.class,
                e -> assertThat(e.reason()).isEqualTo(NotAbhaQrException.Reason.WEB_LINK));
    }

    @Test
    void readsUnicodeText() {
        String hindi = "{\"hid\":\"asha.verma@abdm\",\"name\":\"आशा वर्मा\"}";

        assertThat(decoder.decode(Photos.qr(hindi, 300))).hasValue(hindi);
    }

    @Test
    void readsPngAndJpegFiles(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("card.png");
        Files.write(png, QrCodes.renderPng(ABHA_QR_TEXT, 300));
        Path jpg = dir.resolve("photo.jpg");
        Files.write(jpg, Photos.jpegBytes(Photos.inFrame(Photos.qr(ABHA_QR_TEXT, 400), 640, 480, 300, 15), 0.7f));
        Path gif = dir.resolve("scan.gif");
        ImageIO.write(Photos.qr(ABHA_QR_TEXT, 300), "gif", gif.toFile());

        assertThat(decoder.decode(png)).hasValue(ABHA_QR_TEXT);
        assertThat(decoder.decode(jpg)).hasValue(ABHA_QR_TEXT);
        assertThat(decoder.decode(gif)).hasValue(ABHA_QR_TEXT);
    }

    @Test
    void explainsFilesItCannotUse(@TempDir Path dir) throws Exception {
        Path notAnImage = Files.writeString(dir.resolve("notes.png"), "this is text, not a picture");
        Path truncated = dir.resolve("cut.png");
        byte[] png = QrCodes.renderPng(ABHA_QR_TEXT, 300);
        Files.write(truncated, java.util.Arrays.copyOf(png, png.length / 3));

        assertProblem(dir.resolve("missing.png"), Problem.MISSING);
        assertProblem(dir, Problem.NOT_READABLE);
        assertProblem(notAnImage, Problem.NOT_AN_IMAGE);
        assertProblem(truncated, Problem.NOT_AN_IMAGE);
        ImageFileException e = catchFor(dir.resolve("missing.png"));
        assertThat(e.userMessage(Locale.ENGLISH)).isEqualTo("The file missing.png does not exist.");
        assertThat(e.userMessage(Locale.forLanguageTag("hi"))).isEqualTo("फ़ाइल missing.png मौजूद नहीं है।");
    }

    private void assertProblem(Path file, Problem problem) {
        assertThat(catchFor(file).problem()).as(file.getFileName().toString()).isEqualTo(problem);
    }

    private ImageFileException catchFor(Path file) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(ImageFileException.class,
                () -> decoder.decode(file));
    }
}
