package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CardAndQrTest extends SimulatorTestBase {

    private String ashaToken() {
        Reply sent = client.loginOtp("abha-number", SeedData.ABHA_EXISTING, "abdm");
        Reply v = client.loginVerify(sent.json().get("txnId").asText(), client.otpFor(SeedData.ABHA_EXISTING_MOBILE), "abdm");
        return "Bearer " + v.json().get("token").asText();
    }

    private static BufferedImage image(Reply r) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.bytes()));
        assertThat(img).as("decodes as an image").isNotNull();
        return img;
    }

    private static String decodeQr(BufferedImage img) throws Exception {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))))
                .getText();
    }

    @Test
    void abhaCardIsAPngWithTheQrOnIt() throws Exception {
        Reply card = client.get("/v3/profile/account/abha-card", "X-token", ashaToken());

        assertThat(card.status()).isEqualTo(200);
        assertThat(card.contentType()).isEqualTo("image/png");
        BufferedImage img = image(card);
        assertThat(img.getWidth()).isEqualTo(CardRenderer.WIDTH);
        assertThat(img.getHeight()).isEqualTo(CardRenderer.HEIGHT);
        JsonNode qr = new ObjectMapper().readTree(decodeQr(img));
        assertThat(qr.get("hidn").asText()).isEqualTo(SeedData.ABHA_EXISTING);
    }

    @Test
    void qrCodeDecodesToTheFlatAbhaJson() throws Exception {
        Reply png = client.get("/v3/profile/account/qrCode", "X-token", ashaToken());

        assertThat(png.contentType()).isEqualTo("image/png");
        JsonNode qr = new ObjectMapper().readTree(decodeQr(image(png)));
        assertThat(qr.get("hidn").asText()).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(qr.get("hid").asText()).isEqualTo(SeedData.ABHA_ADDRESS_EXISTING);
        assertThat(qr.get("name").asText()).isEqualTo("Asha Verma");
        assertThat(qr.get("gender").asText()).isEqualTo("F");
        assertThat(qr.get("dob").asText()).isEqualTo("5/3/1988");
        assertThat(qr.get("statelgd").asText()).isEqualTo("8");
        assertThat(qr.get("distlgd").asText()).isEqualTo("110");
        assertThat(qr.get("state name").asText()).isEqualTo("RAJASTHAN");
        assertThat(qr.get("district_name").asText()).isEqualTo("JAIPUR");
        assertThat(qr.get("mobile").asText()).isEqualTo(SeedData.ABHA_EXISTING_MOBILE);
        assertThat(qr.get("address").asText()).contains("Malviya Nagar");
    }

    @Test
    void phrQrUsesThePhrKey() throws Exception {
        String[] scope = {"abha-address-login", "mobile-verify"};
        Reply sent = client.post("/v3/phr/web/login/abha/request/otp", Map.of("scope", scope,
                "loginHint", "abha-address", "loginId", client.enc(SeedData.ABHA_ADDRESS_EXISTING), "otpSystem", "abdm"));
        Reply v = client.post("/v3/phr/web/login/abha/verify", Map.of("scope", scope, "authData",
                Map.of("authMethods", new String[] {"otp"}, "otp", Map.of("txnId", sent.json().get("txnId").asText(),
                        "otpValue", client.enc(client.otpFor(SeedData.ABHA_EXISTING_MOBILE))))));
        String token = "Bearer " + v.json().get("tokens").get("token").asText();

        JsonNode qr = new ObjectMapper().readTree(decodeQr(image(
                client.get("/v3/phr/web/login/profile/abha/qrcode", "X-token", token))));
        Reply card = client.get("/v3/phr/web/login/profile/abha/phr-card", "X-token", token);

        assertThat(qr.get("phr").asText()).isEqualTo(SeedData.ABHA_ADDRESS_EXISTING);
        assertThat(qr.has("hid")).isFalse();
        assertThat(card.contentType()).isEqualTo("image/png");
        assertThat(image(card).getWidth()).isEqualTo(CardRenderer.WIDTH);
    }

    @Test
    void cardNeedsAValidXToken() {
        Reply r = client.get("/v3/profile/account/abha-card", "X-token", "Bearer nope");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("ABDM-1094");
    }
}
