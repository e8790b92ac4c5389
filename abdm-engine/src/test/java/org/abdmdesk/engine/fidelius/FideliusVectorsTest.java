package org.abdmdesk.engine.fidelius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code shared/vectors/fidelius/vectors.json}, produced by the reference fidelius-cli 1.2.0. */
class FideliusVectorsTest {
    static final Path VECTORS = Path.of("../../shared/vectors/fidelius/vectors.json");
    private static List<JsonNode> cases;

    static synchronized List<JsonNode> cases() throws IOException {
        if (cases == null) {
            List<JsonNode> all = new ArrayList<>();
            new ObjectMapper().readTree(VECTORS.toFile()).get("cases").forEach(all::add);
            cases = all;
        }
        return cases;
    }

    static Stream<Named<JsonNode>> good() throws IOException {
        return cases().stream().filter(c -> c.get("expect").asText().equals("ok"))
                .map(c -> Named.of(c.get("id").asText(), c));
    }

    static Stream<Named<JsonNode>> bad() throws IOException {
        return cases().stream().filter(c -> c.get("expect").asText().equals("error"))
                .map(c -> Named.of(c.get("id").asText(), c));
    }

    static String text(JsonNode c, String party, String field) {
        return c.get(party).get(field).asText();
    }

    static byte[] b64(String s) {
        return Base64.getDecoder().decode(s);
    }

    @ParameterizedTest
    @MethodSource("good")
    void encryptsByteForByteWithBothRequesterKeyForms(JsonNode c) throws Exception {
        byte[] plaintext = c.get("plaintext").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(plaintext).hasSize(c.get("plaintextUtf8Length").asInt());
        for (String form : List.of("publicKey", "x509PublicKey")) {
            String ciphertext = Fidelius.encrypt(plaintext, text(c, "sender", "privateKey"),
                    text(c, "sender", "nonce"), text(c, "requester", form), text(c, "requester", "nonce"));
            assertThat(ciphertext).as(form).isEqualTo(c.get("ciphertext").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("good")
    void decryptsByteForByteWithBothSenderKeyForms(JsonNode c) throws Exception {
        byte[] expected = c.get("plaintext").asText().getBytes(StandardCharsets.UTF_8);
        for (String form : List.of("publicKey", "x509PublicKey")) {
            byte[] plaintext = Fidelius.decrypt(c.get("ciphertext").asText(), text(c, "requester", "privateKey"),
                    text(c, "requester", "nonce"), text(c, "sender", form), text(c, "sender", "nonce"));
            assertThat(plaintext).as(form).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("good")
    void intermediateValuesMatchTheReference(JsonNode c) throws Exception {
        JsonNode in = c.get("intermediate");
        byte[] senderNonce = b64(text(c, "sender", "nonce"));
        byte[] requesterNonce = b64(text(c, "requester", "nonce"));
        BigInteger senderKey = FideliusKeys.privateKey(text(c, "sender", "privateKey"));
        BigInteger requesterKey = FideliusKeys.privateKey(text(c, "requester", "privateKey"));
        ECPoint senderPoint = FideliusKeys.publicKey(text(c, "sender", "publicKey"));
        ECPoint requesterPoint = FideliusKeys.publicKey(text(c, "requester", "publicKey"));

        assertThat(SessionKey.sharedSecret(senderKey, requesterPoint)).isEqualTo(b64(in.get("sharedSecret").asText()));
        assertThat(SessionKey.sharedSecret(requesterKey, senderPoint)).isEqualTo(b64(in.get("sharedSecret").asText()));
        byte[] xor = SessionKey.xorOfNonces(senderNonce, requesterNonce);
        assertThat(xor).isEqualTo(b64(in.get("xorOfNonces").asText()));
        assertThat(SessionKey.salt(xor)).isEqualTo(b64(in.get("salt").asText()));
        assertThat(SessionKey.iv(xor)).isEqualTo(b64(in.get("iv").asText()));
        assertThat(SessionKey.aesKey(b64(in.get("sharedSecret").asText()), b64(in.get("salt").asText())))
                .isEqualTo(b64(in.get("aesKey").asText()));
    }

    @ParameterizedTest
    @MethodSource("good")
    void keyEncodingsMatchTheReference(JsonNode c) throws Exception {
        for (String party : List.of("sender", "requester")) {
            BigInteger d = FideliusKeys.privateKey(text(c, party, "privateKey"));
            ECPoint q = Curve.G.multiply(d).normalize();
            Base64.Encoder enc = Base64.getEncoder();
            assertThat(enc.encodeToString(FideliusKeys.privateKeyBytes(d))).isEqualTo(text(c, party, "privateKey"));
            assertThat(enc.encodeToString(FideliusKeys.rawPublicKey(q))).isEqualTo(text(c, party, "publicKey"));
            assertThat(enc.encodeToString(FideliusKeys.x509PublicKey(q))).isEqualTo(text(c, party, "x509PublicKey"));
        }
    }

    @ParameterizedTest
    @MethodSource("bad")
    void badCasesAreRejected(JsonNode c) {
        FideliusException.Reason expected = c.get("id").asText().contains("off-curve")
                ? FideliusException.Reason.PUBLIC_KEY_OFF_CURVE : FideliusException.Reason.TAG_MISMATCH;
        for (JsonNode direction : c.get("directions")) {
            if (direction.asText().equals("encrypt")) {
                assertThatThrownBy(() -> Fidelius.encrypt(c.get("plaintext").asText(),
                        text(c, "sender", "privateKey"), text(c, "sender", "nonce"),
                        text(c, "requester", "publicKey"), text(c, "requester", "nonce")))
                        .isInstanceOfSatisfying(FideliusException.class, e -> assertThat(e.reason()).isEqualTo(expected));
            } else {
                assertThatThrownBy(() -> Fidelius.decrypt(c.get("ciphertext").asText(),
                        text(c, "requester", "privateKey"), text(c, "requester", "nonce"),
                        text(c, "sender", "publicKey"), text(c, "sender", "nonce")))
                        .isInstanceOfSatisfying(FideliusException.class, e -> assertThat(e.reason()).isEqualTo(expected));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void everyCaseIsCovered() throws IOException {
        assertThat(cases()).hasSize(23);
        assertThat(good().count()).isEqualTo(15);
        assertThat(bad().count()).isEqualTo(8);
    }
}
