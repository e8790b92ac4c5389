package org.abdmdesk.engine.fidelius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.abdmdesk.engine.fidelius.FideliusException.Reason;
import org.junit.jupiter.api.Test;

class FideliusKeysTest {
    static final Base64.Encoder B64 = Base64.getEncoder();

    static void rejects(Reason reason, ThrowingCall call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(FideliusException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void rejectsPublicKeysOfOtherLengthsAndEncodings() {
        byte[] raw = Base64.getDecoder().decode(FideliusKeyPair.generate().publicKey());
        byte[] x509 = Base64.getDecoder().decode(FideliusKeyPair.generate().x509PublicKey());
        rejects(Reason.BAD_PUBLIC_KEY_ENCODING, () -> FideliusKeys.publicKey(B64.encodeToString(Arrays.copyOf(raw, 64))));
        rejects(Reason.BAD_PUBLIC_KEY_ENCODING, () -> FideliusKeys.publicKey(B64.encodeToString(Arrays.copyOf(raw, 33))));
        byte[] compressed = raw.clone();
        compressed[0] = 0x02;
        rejects(Reason.BAD_PUBLIC_KEY_ENCODING, () -> FideliusKeys.publicKey(B64.encodeToString(compressed)));
        byte[] otherPrefix = x509.clone();
        otherPrefix[40] ^= 1;
        rejects(Reason.BAD_PUBLIC_KEY_ENCODING, () -> FideliusKeys.publicKey(B64.encodeToString(otherPrefix)));
        rejects(Reason.BAD_BASE64, () -> FideliusKeys.publicKey("not base64!"));
    }

    @Test
    void rejectsPointsOffTheCurve() {
        byte[] raw = Base64.getDecoder().decode(FideliusKeyPair.generate().publicKey());
        raw[64] ^= 1;
        rejects(Reason.PUBLIC_KEY_OFF_CURVE, () -> FideliusKeys.publicKey(B64.encodeToString(raw)));
    }

    @Test
    void rejectsPrivateKeysOutOfRange() {
        rejects(Reason.BAD_PRIVATE_KEY, () -> FideliusKeys.privateKey(""));
        rejects(Reason.BAD_PRIVATE_KEY, () -> FideliusKeys.privateKey(B64.encodeToString(new byte[] {0})));
        rejects(Reason.BAD_PRIVATE_KEY, () -> FideliusKeys.privateKey(B64.encodeToString(new byte[] {-1})));
        rejects(Reason.BAD_PRIVATE_KEY, () -> FideliusKeys.privateKey(B64.encodeToString(Curve.N.toByteArray())));
        rejects(Reason.BAD_PRIVATE_KEY, () -> FideliusKeys.privateKey(B64.encodeToString(new byte[40])));
        assertThatCode(() -> FideliusKeys.privateKey(
                B64.encodeToString(BigInteger.ONE.toByteArray()))).doesNotThrowAnyException();
    }

    @Test
    void rejectsNoncesThatAreNot32Bytes() {
        FideliusKeyPair a = FideliusKeyPair.generate();
        FideliusKeyPair b = FideliusKeyPair.generate();
        String short16 = B64.encodeToString(new byte[16]);
        rejects(Reason.BAD_NONCE, () -> Fidelius.encrypt("x", a.privateKey(), short16, b.publicKey(), b.nonce()));
        rejects(Reason.BAD_NONCE, () -> Fidelius.encrypt("x", a.privateKey(), a.nonce(), b.publicKey(), short16));
    }
}
