package org.abdmdesk.engine.fidelius;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Fresh Fidelius key material for one exchange, in the encodings the ABDM peers expect (all base64): the
 * HIU makes one for each health-information request and the HIP one for each data push. Never log it.
 *
 * @param privateKey    the scalar as big-endian two's-complement bytes (32, sometimes fewer)
 * @param publicKey     the 65-byte uncompressed point {@code 04 || X || Y}
 * @param x509PublicKey the same point as a 309-byte X.509 SubjectPublicKeyInfo with explicit curve parameters
 * @param nonce         32 random bytes
 */
public record FideliusKeyPair(String privateKey, String publicKey, String x509PublicKey, String nonce) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Draws a private key uniformly in [1, n-1] and a nonce from {@link SecureRandom}. */
    public static FideliusKeyPair generate() {
        BigInteger d;
        do {
            d = new BigInteger(Curve.N.bitLength(), RANDOM);
        } while (d.signum() == 0 || d.compareTo(Curve.N) >= 0);
        ECPoint q = Curve.G.multiply(d).normalize();
        byte[] nonce = new byte[SessionKey.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        Base64.Encoder b64 = Base64.getEncoder();
        return new FideliusKeyPair(b64.encodeToString(FideliusKeys.privateKeyBytes(d)),
                b64.encodeToString(FideliusKeys.rawPublicKey(q)), b64.encodeToString(FideliusKeys.x509PublicKey(q)),
                b64.encodeToString(nonce));
    }

    /** Keeps the private key out of logs and stack traces. */
    @Override
    public String toString() {
        return "FideliusKeyPair[publicKey=" + publicKey + "]";
    }
}
