package org.abdmdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.abdmdesk.engine.qr.QrCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QrCommandTest {
    static final String CARD_QR = """
            {"hidn":"91-6285-4575-5116","hid":"asha.verma@abdm","name":"Asha Verma","gender":"F",\
            "statelgd":"29","distlgd":"-","dob":"25/6/1990","state name":"KARNATAKA",\
            "district_name":"BENGALURU URBAN","mobile":"98xxxxxx21","address":"12 MG Road, Bengaluru"}""";
    static final Locale HINDI = Locale.forLanguageTag("hi");

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    Run run(Locale locale, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new QrCommand(locale));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Path png(String name, String qrText) throws Exception {
        return Files.write(dir.resolve(name), QrCodes.renderPng(qrText, 300));
    }

    @Test
    void printsTheProfileAsJson() throws Exception {
        Run r = run(Locale.ENGLISH, "decode", png("card.png", CARD_QR).toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("abhaNumber").asText()).isEqualTo("91-6285-4575-5116");
        assertThat(json.get("abhaAddress").asText()).isEqualTo("asha.verma@abdm");
        assertThat(json.get("name").asText()).isEqualTo("Asha Verma");
        assertThat(json.get("gender").asText()).isEqualTo("F");
        assertThat(json.get("dob").asText()).isEqualTo("25-06-1990");
        assertThat(json.get("state").asText()).isEqualTo("KARNATAKA");
        assertThat(json.get("district").asText()).isEqualTo("BENGALURU URBAN");
        assertThat(json.get("stateLgd").asText()).isEqualTo("29");
        assertThat(json.get("districtLgd").isNull()).isTrue();
        assertThat(json.get("mobile").asText()).isEqualTo("98xxxxxx21");
        assertThat(json.get("address").asText()).isEqualTo("12 MG Road, Bengaluru");
        assertThat(json.properties()).extracting(e -> e.getKey()).containsExactly("abhaNumber", "abhaAddress",
                "name", "gender", "dob", "state", "district", "stateLgd", "districtLgd", "mobile", "address");
        assertThat(r.out()).contains("\n  \"abhaNumber\""); // pretty-printed
    }

    @Test
    void derivesTheAddressWithTheChosenSuffix() throws Exception {
        Path file = png("app.png", "{\"hidn\":\"91628545755116\",\"gender\":\"X\",\"dob\":\"1977\"}");

        Run r = run(Locale.ENGLISH, "decode", "--suffix", "abdm", file.toString());

        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("abhaAddress").asText()).isEqualTo("91628545755116@abdm");
        assertThat(json.get("gender").isNull()).isTrue();
        assertThat(json.get("dob").asText()).isEqualTo("1977");
    }

    @Test
    void missingFile() {
        Run r = run(Locale.ENGLISH, "decode", dir.resolve("nope.png").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("The file nope.png does not exist." + System.lineSeparator());
    }

    @Test
    void fileThatIsNotAPicture() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.jpg"), "hello");

        Run r = run(Locale.ENGLISH, "decode", file.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("notes.jpg", "not a picture").doesNotContain("Exception", "\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void pictureWithoutQr() throws Exception {
        java.awt.image.BufferedImage white = new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path file = dir.resolve("wall.png");
        javax.imageio.ImageIO.write(white, "png", file.toFile());

        Run r = run(Locale.ENGLISH, "decode", file.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("No QR code was found in wall.png.");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void qrThatIsNotAnAbhaQr() throws Exception {
        Run r = run(Locale.ENGLISH, "decode", png("link.png", "https://example.org").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("link.png: This QR holds a web link, not a patient's ABHA details.");
    }

    @Test
    void saysWhenItIsTheClinicCounterQr() throws Exception {
        Path file = png("counter.png", "https://phrsbx.abdm.gov.in/share-profile?hip-id=IN3210000018&counter-id=1");

        Run r = run(Locale.ENGLISH, "decode", file.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("clinic counter QR", "IN3210000018", "not a patient's ABHA QR");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void speaksHindi() throws Exception {
        Path counter = png("counter.png", "{\"hipId\":\"IN3210000018\",\"code\":\"2\"}");

        assertThat(run(HINDI, "decode", counter.toString()).err()).contains("क्लिनिक का काउंटर QR", "IN3210000018");
        assertThat(run(HINDI, "decode", dir.resolve("nope.png").toString()).err())
                .isEqualTo("फ़ाइल nope.png मौजूद नहीं है।" + System.lineSeparator());
        Path wall = dir.resolve("wall.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(50, 50,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", wall.toFile());
        assertThat(run(HINDI, "decode", wall.toString()).err()).startsWith("wall.png में कोई QR कोड नहीं मिला।");
    }

    @Test
    void everyCliSentenceExistsInBothLanguages() {
        for (String bundle : List.of(QrCommand.BUNDLE, QrCommand.Decode.BUNDLE)) {
            var en = java.util.ResourceBundle.getBundle(bundle, Locale.ROOT);
            var hi = java.util.ResourceBundle.getBundle(bundle, HINDI);
            assertThat(hi.keySet()).as(bundle).isEqualTo(en.keySet());
            for (String key : en.keySet()) {
                if (en.getString(key).matches("(?s).*[A-Za-z]{3,}.*")) { // has words, not just "{0}: {1}"
                    assertThat(hi.getString(key)).as(bundle + " " + key).containsPattern("[\\u0900-\\u097F]");
                }
            }
        }
    }

    @Test
    void usageErrorsAreNotOurFailures() {
        assertThat(run(Locale.ENGLISH, "decode").exitCode()).isEqualTo(2);
        assertThat(run(Locale.ENGLISH).exitCode()).isEqualTo(2);
        Run help = run(Locale.ENGLISH, "decode", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("IMAGE", "--suffix", "ABHA QR");
    }
}
