package org.abdmdesk.engine.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Protocol §3 and its appendix vector, byte for byte. */
class UnsealerTest {
    static final HexFormat HEX = HexFormat.of();
    static final PrivateKey CLINIC = SealingKeys.privateFromScalar(
            HEX.parseHex("a8abababababababababababababababababababababababababababababab6b"));
    static final String CLINIC_PUBLIC = "43EthRoOXXm4McXjSrIrQaGYFx3iCbi4+sojoRxiSFk=";
    static final String PLAINTEXT = "{\"method\":\"POST\",\"path\":\"/api/v3/hip/patient/share\",\"query\":\"\","
            + "\"headers\":{\"REQUEST-ID\":\"5f7a1c2e-8d3b-4f6a-9e0c-1b2d3e4f5a6b\",\"X-HIP-ID\":\"IN3210000018\"},"
            + "\"body\":\"{\\\"intent\\\":\\\"PROFILE_SHARE\\\"}\",\"receivedAt\":\"2026-11-25T04:00:00.123Z\"}";
    static final String SEALED = "AbW+qCPZyf9XYJHFS3xZbArilohPDhUCkOiEVdf7phJvAAECAwQFBgcICQoLZB8cVMOe/Yq3wdquQ/8Zcr"
            + "tU7QJ9PBF0KHjwBnnlPGNiwlW3aiFw0qP0kMH3t7f0Q1tbtEfm3OPlJWEHrrDlOguPoLanFUDx+r2Yn/smR3B3ZdQrVW+4RQqIQBSQV"
            + "444WhYR7be0KPaWLfnVBdTs6umHi49GoW1nA4gt5ux+6j1V/0O0kmlITqJNdtRDY98EJ2ZEifp07mvcrhA3VbgPQ2f21vDfKo1g2EYJ"
            + "IIK61WX3BjVE7xCGu4l5lGb1Ul3CG5NVvNWBEsZGfzMlbRE9Eito56velwE9B9mTzc+m9ErnjKrytqsFkqaHpgbCh0mfldP1ZnTpWy5H";

    private final Unsealer unsealer = new Unsealer(CLINIC);

    @Test
    void theClinicKeyOfTheVectorHasTheVectorsPublicKey() {
        assertThat(SealingKeys.publicKeyBase64(CLINIC)).isEqualTo(CLINIC_PUBLIC);
    }

    @Test
    void opensTheAppendixVectorToExactlyItsPlaintext() throws Exception {
        byte[] plaintext = unsealer.open(Base64.getDecoder().decode(SEALED));

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void readsTheVectorsEnvelopeWithCaseInsensitiveHeaders() throws Exception {
        RelayEnvelope envelope = unsealer.openEnvelope(SEALED);

        assertThat(envelope.method()).isEqualTo("POST");
        assertThat(envelope.path()).isEqualTo("/api/v3/hip/patient/share");
        assertThat(envelope.query()).isEmpty();
        assertThat(envelope.requestId()).contains("5f7a1c2e-8d3b-4f6a-9e0c-1b2d3e4f5a6b");
        assertThat(envelope.header("x-hip-id")).contains("IN3210000018");
        assertThat(envelope.headers().get("X-Hip-Id")).isEqualTo("IN3210000018");
        assertThat(envelope.header("Authorization")).isEmpty();
        assertThat(envelope.body()).isEqualTo("{\"intent\":\"PROFILE_SHARE\"}");
        assertThat(envelope.receivedAt()).isEqualTo(Instant.parse("2026-11-25T04:00:00.123Z"));
        assertThat(envelope.toString()).doesNotContain("PROFILE_SHARE");
    }

    @Test
    void theTestSealerReproducesTheVectorWithItsFixedEphemeralKeyAndNonce() {
        PrivateKey ephemeral = SealingKeys.privateFromScalar(
                HEX.parseHex("c8cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd4d"));
        byte[] sealed = TestSealer.seal(Base64.getDecoder().decode(CLINIC_PUBLIC), ephemeral,
                HEX.parseHex("000102030405060708090a0b"), PLAINTEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(Base64.getEncoder().encodeToString(sealed)).isEqualTo(SEALED);
    }

    @Test
    void refusesAnotherVersionByte() {
        byte[] sealed = Base64.getDecoder().decode(SEALED);
        sealed[0] = 0x02;

        assertThatThrownBy(() -> unsealer.open(sealed)).isInstanceOf(SealedEnvelopeException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void refusesTruncatedBlobs() {
        byte[] sealed = Base64.getDecoder().decode(SEALED);

        for (int length : new int[] {0, 1, 45, 60, sealed.length - 1}) {
            assertThatThrownBy(() -> unsealer.open(Arrays.copyOf(sealed, length))).as("length %d", length)
                    .isInstanceOf(SealedEnvelopeException.class);
        }
        assertThatThrownBy(() -> unsealer.open(new byte[10])).hasMessageContaining("truncated");
    }

    @Test
    void refusesAnyChangedByte() {
        byte[] original = Base64.getDecoder().decode(SEALED);
        for (int i = 1; i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> unsealer.open(tampered)).as("byte %d", i)
                    .isInstanceOf(SealedEnvelopeException.class);
        }
    }

    @Test
    void refusesAnEnvelopeSealedToAnotherClinic() {
        KeyPair other = SealingKeys.generate();
        String sealed = TestSealer.seal(SealingKeys.rawPublicKey(other.getPublic()),
                PLAINTEXT.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> unsealer.openEnvelope(sealed)).isInstanceOf(SealedEnvelopeException.class)
                .hasMessageContaining("tag mismatch");
        assertThatThrownBy(() -> unsealer.openEnvelope("not base64!")).isInstanceOf(SealedEnvelopeException.class);
    }

    @Test
    void refusesAnOpenedPlaintextThatIsNotAnEnvelope() {
        byte[] raw = Base64.getDecoder().decode(CLINIC_PUBLIC);
        for (String bad : new String[] {"not json", "[1]", "{\"method\":\"POST\"}",
                "{\"method\":\"POST\",\"path\":\"/x\",\"headers\":{},\"body\":\"\",\"receivedAt\":\"yesterday\"}"}) {
            String sealed = TestSealer.seal(raw, bad.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> unsealer.openEnvelope(sealed)).as(bad)
                    .isInstanceOf(SealedEnvelopeException.class).hasMessageNotContaining(bad);
        }
    }

    @Test
    void generatedKeysSurviveAPkcs8RoundTripAndOpenWhatIsSealedToThem() throws Exception {
        KeyPair pair = SealingKeys.generate();
        PrivateKey restored = SealingKeys.decodePrivate(SealingKeys.encodePrivate(pair.getPrivate()));
        String publicBase64 = SealingKeys.publicKeyBase64(pair.getPublic());

        assertThat(Base64.getDecoder().decode(publicBase64)).hasSize(32);
        assertThat(SealingKeys.publicKeyBase64(restored)).isEqualTo(publicBase64);
        String sealed = TestSealer.seal(Base64.getDecoder().decode(publicBase64), PLAINTEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(new Unsealer(restored).openEnvelope(sealed).requestId())
                .contains("5f7a1c2e-8d3b-4f6a-9e0c-1b2d3e4f5a6b");
        assertThatThrownBy(() -> SealingKeys.decodePrivate(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
