package org.abdmdesk.relay.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import org.junit.jupiter.api.Test;

/** The sealed envelope against the appendix vector of docs/relay-protocol.md, and a round trip. */
class SealerTest {
    private static final HexFormat HEX = HexFormat.of();
    static final String CLINIC_PRIVATE = "a8abababababababababababababababababababababababababababababab6b";
    static final String CLINIC_PUBLIC = "43EthRoOXXm4McXjSrIrQaGYFx3iCbi4+sojoRxiSFk=";
    private static final String EPHEMERAL_PRIVATE = "c8cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd4d";
    private static final String EPHEMERAL_PUBLIC = "b5bea823d9c9ff576091c54b7c596c0ae296884f0e150290e88455d7fba6126f";
    private static final String NONCE = "000102030405060708090a0b";
    private static final String PLAINTEXT = "{\"method\":\"POST\",\"path\":\"/api/v3/hip/patient/share\",\"query\":\"\","
            + "\"headers\":{\"REQUEST-ID\":\"5f7a1c2e-8d3b-4f6a-9e0c-1b2d3e4f5a6b\",\"X-HIP-ID\":\"IN3210000018\"},"
            + "\"body\":\"{\\\"intent\\\":\\\"PROFILE_SHARE\\\"}\",\"receivedAt\":\"2026-11-25T04:00:00.123Z\"}";
    private static final String SEALED = "AbW+qCPZyf9XYJHFS3xZbArilohPDhUCkOiEVdf7phJvAAECAwQFBgcICQoLZB8cVMOe/Yq3wdquQ/8Z"
            + "crtU7QJ9PBF0KHjwBnnlPGNiwlW3aiFw0qP0kMH3t7f0Q1tbtEfm3OPlJWEHrrDlOguPoLanFUDx+r2Yn/smR3B3ZdQrVW+4RQqI"
            + "QBSQV444WhYR7be0KPaWLfnVBdTs6umHi49GoW1nA4gt5ux+6j1V/0O0kmlITqJNdtRDY98EJ2ZEifp07mvcrhA3VbgPQ2f21vDf"
            + "Ko1g2EYJIIK61WX3BjVE7xCGu4l5lGb1Ul3CG5NVvNWBEsZGfzMlbRE9Eito56velwE9B9mTzc+m9ErnjKrytqsFkqaHpgbCh0mf"
            + "ldP1ZnTpWy5H";

    @Test
    void reproducesTheProtocolTestVectorByteForByte() throws Exception {
        KeyPair ephemeral = new KeyPair(Sealer.publicKey(HEX.parseHex(EPHEMERAL_PUBLIC)),
                Sealer.privateKey(HEX.parseHex(EPHEMERAL_PRIVATE)));
        Sealer sealer = new Sealer(new Sealer.Randomness() {
            @Override
            public KeyPair ephemeralKeyPair() {
                return ephemeral;
            }

            @Override
            public byte[] nonce() {
                return HEX.parseHex(NONCE);
            }
        });

        byte[] sealed = sealer.seal(Base64.getDecoder().decode(CLINIC_PUBLIC), PLAINTEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(Base64.getEncoder().encodeToString(sealed)).isEqualTo(SEALED);
    }

    @Test
    void theEnvelopeOfTheVectorRequestSerialisesToTheVectorPlaintext() {
        Map<String, String> incoming = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        incoming.put("x-hip-id", "IN3210000018");
        incoming.put("request-id", "5f7a1c2e-8d3b-4f6a-9e0c-1b2d3e4f5a6b");
        incoming.put("Authorization", "Bearer secret.jwt.value");

        Envelope envelope = Envelope.of("POST", "/api/v3/hip/patient/share", "", incoming::get,
                "{\"intent\":\"PROFILE_SHARE\"}".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-11-25T04:00:00.123Z"));

        assertThat(new String(envelope.toJson(), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aClinicOpensWhatARandomSealerSealed() throws Exception {
        byte[] plaintext = "{\"hello\":\"clinic\"}".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = new Sealer().seal(Base64.getDecoder().decode(CLINIC_PUBLIC), plaintext);
        byte[] again = new Sealer().seal(Base64.getDecoder().decode(CLINIC_PUBLIC), plaintext);

        assertThat(open(sealed)).isEqualTo(plaintext);
        assertThat(sealed).isNotEqualTo(again);
    }

    @Test
    void oneSealerReusesAClinicsEphemeralKeyWithAFreshNonceAndEveryMessageOpens() throws Exception {
        Sealer sealer = new Sealer();
        byte[] clinic = Base64.getDecoder().decode(CLINIC_PUBLIC);
        byte[] first = sealer.seal(clinic, "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        byte[] second = sealer.seal(clinic, "{\"n\":2}".getBytes(StandardCharsets.UTF_8));

        assertThat(java.util.Arrays.copyOfRange(second, 1, 33)).as("ephemeral public key")
                .isEqualTo(java.util.Arrays.copyOfRange(first, 1, 33));
        assertThat(java.util.Arrays.copyOfRange(second, 33, 45)).as("nonce")
                .isNotEqualTo(java.util.Arrays.copyOfRange(first, 33, 45));
        assertThat(open(first)).isEqualTo("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(open(second)).isEqualTo("{\"n\":2}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEphemeralKeySealsAtMostMaxUsesMessages() {
        Sealer sealer = new Sealer();
        byte[] clinic = Base64.getDecoder().decode(CLINIC_PUBLIC);
        java.util.Set<String> ephemeralKeys = new java.util.HashSet<>();
        for (int i = 0; i < EphemeralKeys.MAX_USES + 1; i++) {
            byte[] sealed = sealer.seal(clinic, new byte[] {'{', '}'});
            ephemeralKeys.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(sealed, 1, 33)));
        }
        assertThat(ephemeralKeys).hasSize(2);
    }

    @Test
    void refusesAPublicKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new Sealer().seal(new byte[31], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The workstation's side, written from the protocol text. */
    static byte[] open(byte[] sealed) throws Exception {
        byte[] ephemeralPublic = java.util.Arrays.copyOfRange(sealed, 1, 33);
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 33, 45);
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(Sealer.privateKey(HEX.parseHex(CLINIC_PRIVATE)));
        agreement.doPhase(Sealer.publicKey(ephemeralPublic), true);
        byte[] salt = new byte[64];
        System.arraycopy(ephemeralPublic, 0, salt, 0, 32);
        System.arraycopy(Base64.getDecoder().decode(CLINIC_PUBLIC), 0, salt, 32, 32);
        SecretKey key = KDF.getInstance("HKDF-SHA256").deriveKey("AES", HKDFParameterSpec.ofExtract()
                .addIKM(agreement.generateSecret()).addSalt(salt)
                .thenExpand("abdm-relay-seal-v1".getBytes(StandardCharsets.US_ASCII), 32));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD("abdm-relay-v1".getBytes(StandardCharsets.US_ASCII));
        return cipher.doFinal(sealed, 45, sealed.length - 45);
    }
}
