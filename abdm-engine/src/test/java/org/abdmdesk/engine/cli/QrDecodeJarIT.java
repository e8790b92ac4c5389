package org.abdmdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.abdmdesk.engine.abha.AbhaClient;
import org.abdmdesk.engine.abha.Enrolment;
import org.abdmdesk.engine.abha.OtpSent;
import org.abdmdesk.engine.gateway.AbdmConfig;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.identity.Otp;
import org.abdmdesk.engine.qr.QrCodes;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar abdm-engine.jar qr decode IMAGE} as a person runs it: on the ABHA QR and the
 * ABHA card the simulator renders, and on "photos" of the QR (turned, small in the frame, low
 * contrast, JPEG), and its refusals with exit code 1.
 */
class QrDecodeJarIT {
    @TempDir
    static Path dir;
    private static BufferedImage qr;
    private static BufferedImage card;
    private static String abhaNumber;

    @BeforeAll
    static void renderQrAndCardWithTheSimulator() throws Exception {
        try (AbdmSimulator sim = AbdmSimulator.start(SimulatorConfig.defaults());
                AbhaClient client = AbhaClient.create(new AbdmConfig(sim.gatewayBaseUrl(), sim.abhaBaseUrl(), "sbx",
                        SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET, Duration.ofSeconds(10)),
                        java.time.Clock.systemUTC())) {
            OtpSent sent = client.requestEnrolmentOtp(AadhaarNumber.of(SeedData.AADHAAR_NEW));
            String otp = sim.otpInbox().latestFor(SeedData.AADHAAR_NEW_MOBILE).orElseThrow().otp();
            Enrolment enrolment = client.enrolByAadhaar(sent.txnId(), Otp.of(otp),
                    MobileNumber.of(SeedData.AADHAAR_NEW_MOBILE));
            abhaNumber = enrolment.profile().abhaNumber().orElseThrow().hyphenated();
            qr = ImageIO.read(new ByteArrayInputStream(client.qrCode(enrolment.token()).bytes()));
            card = ImageIO.read(new ByteArrayInputStream(client.abhaCard(enrolment.token()).bytes()));
        }
    }

    @Test
    void readsTheQrAndTheCardAsTheSimulatorRendersThem() throws Exception {
        for (Path file : List.of(png("qr", qr), png("card", card))) {
            Result r = decode(file);
            assertThat(r.exit).as(file.getFileName().toString()).isZero();
            assertThat(r.out).contains("\"abhaNumber\"").contains(abhaNumber);
            assertThat(r.err).doesNotContain("Exception");
        }
    }

    @Test
    void readsPhotosOfTheQrTurnedShrunkAndFaded() throws Exception {
        List<Path> photos = List.of(
                png("turned-90", rotate(qr, 90)),
                jpeg("turned-17", onNoisyPaper(rotate(qr, 17), 1.0)),
                jpeg("small-in-frame", onNoisyPaper(qr, 0.5)),
                jpeg("low-contrast", lowContrast(onNoisyPaper(qr, 0.8))));
        for (Path photo : photos) {
            Result r = decode(photo);
            assertThat(r.exit).as(photo.getFileName().toString() + ": " + r.err).isZero();
            assertThat(r.out).contains(abhaNumber);
        }
    }

    @Test
    void refusesWhatIsNotAPatientsAbhaQrWithExitOne() throws Exception {
        Result web = decode(png("web-link", QrCodes.render("https://example.org/", 300)));
        assertThat(web.exit).isEqualTo(1);
        assertThat(web.err.strip()).contains("web link").doesNotContain("Exception");
        assertThat(web.out).isEmpty();

        Result counter = decode(png("counter", QrCodes.render(
                "https://phrsbx.abdm.gov.in/share-profile?hip-id=IN3210000018&counter-id=desk1", 300)));
        assertThat(counter.exit).isEqualTo(1);
        assertThat(counter.err).contains("clinic counter QR");

        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Result none = decode(png("blank", blank));
        assertThat(none.exit).isEqualTo(1);
        assertThat(none.err.strip()).isNotEmpty().doesNotContain("Exception");

        Result missing = decode(dir.resolve("no-such-file.png"));
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err).contains("does not exist");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result decode(Path image) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("abdm.cli.jar", "target/abdm-engine.jar");
        Process p = new ProcessBuilder(java, "-jar", jar, "qr", "decode", image.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("qr decode finished").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private static Path png(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Path jpeg(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name + ".jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.6f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static BufferedImage rotate(BufferedImage src, double degrees) {
        double r = Math.toRadians(degrees);
        int w = src.getWidth();
        int h = src.getHeight();
        int size = (int) Math.ceil(Math.hypot(w, h));
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(size / 2.0, size / 2.0);
        t.rotate(r);
        t.translate(-w / 2.0, -h / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    /** The image scaled by {@code scale} on a 640x480 grey, speckled "desk". */
    private static BufferedImage onNoisyPaper(BufferedImage src, double scale) {
        BufferedImage out = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int v = 150 + random.nextInt(40);
                out.setRGB(x, y, new Color(v, v, v - 10).getRGB());
            }
        }
        int w = (int) (src.getWidth() * scale);
        int h = (int) (src.getHeight() * scale);
        double fit = Math.min(1.0, Math.min(600.0 / w, 440.0 / h));
        w = (int) (w * fit);
        h = (int) (h * fit);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 320 - w / 2, 240 - h / 2, w, h, null);
        g.dispose();
        return out;
    }

    /** Squeezes the whole range into grey 0x77..0x99, like a faded print under a dim light. */
    private static BufferedImage lowContrast(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                Color c = new Color(src.getRGB(x, y));
                int lum = (c.getRed() * 299 + c.getGreen() * 587 + c.getBlue() * 114) / 1000;
                int v = 0x77 + lum * (0x99 - 0x77) / 255;
                out.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        return out;
    }
}
