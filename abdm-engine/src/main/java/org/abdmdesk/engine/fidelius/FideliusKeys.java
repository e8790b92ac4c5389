package org.abdmdesk.engine.fidelius;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.abdmdesk.engine.fidelius.FideliusException.Reason;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Reads and writes Fidelius key encodings: the private scalar as {@code BigInteger.toByteArray()} bytes,
 * the public point as 65 raw bytes ({@code 04 || X || Y}) or as BouncyCastle's 309-byte X.509
 * SubjectPublicKeyInfo with explicit curve parameters.
 */
final class FideliusKeys {
    static final int RAW_PUBLIC_KEY_BYTES = 1 + 2 * Curve.FIELD_BYTES;
    /** The DER of an X.509 key up to (not including) the raw point; the same for every key. */
    private static final byte[] X509_PREFIX = x509Prefix();
    static final int X509_PUBLIC_KEY_BYTES = X509_PREFIX.length + RAW_PUBLIC_KEY_BYTES;

    private FideliusKeys() {
    }

    static byte[] decodeBase64(String value, String what) throws FideliusException {
        if (value == null) {
            throw new FideliusException(Reason.BAD_BASE64, what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new FideliusException(Reason.BAD_BASE64, what + " is not valid base64");
        }
    }

    /** The scalar of a base64 private key; it must be in [1, n-1]. */
    static BigInteger privateKey(String base64) throws FideliusException {
        byte[] bytes = decodeBase64(base64, "the private key");
        if (bytes.length == 0 || bytes.length > Curve.FIELD_BYTES + 1) {
            throw new FideliusException(Reason.BAD_PRIVATE_KEY,
                    "the private key is " + bytes.length + " bytes; expected at most " + Curve.FIELD_BYTES);
        }
        BigInteger d = new BigInteger(bytes);
        if (d.signum() <= 0 || d.compareTo(Curve.N) >= 0) {
            throw new FideliusException(Reason.BAD_PRIVATE_KEY, "the private key is outside the curve's range");
        }
        return d;
    }

    /** The point of a base64 public key in raw (65 bytes) or X.509 (309 bytes) form, checked to be on the curve. */
    static ECPoint publicKey(String base64) throws FideliusException {
        byte[] bytes = decodeBase64(base64, "the public key");
        byte[] raw;
        if (bytes.length == RAW_PUBLIC_KEY_BYTES) {
            raw = bytes;
        } else if (bytes.length == X509_PUBLIC_KEY_BYTES
                && Arrays.equals(bytes, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            raw = Arrays.copyOfRange(bytes, X509_PREFIX.length, bytes.length);
        } else {
            throw new FideliusException(Reason.BAD_PUBLIC_KEY_ENCODING, "the public key (" + bytes.length
                    + " bytes) is neither a 65-byte curve25519 point nor a 309-byte X.509 curve25519 key");
        }
        if (raw[0] != 0x04) {
            throw new FideliusException(Reason.BAD_PUBLIC_KEY_ENCODING,
                    "the public key is not an uncompressed point (first byte is not 04)");
        }
        ECPoint point;
        try {
            point = Curve.CURVE.decodePoint(raw);
        } catch (IllegalArgumentException e) {
            throw new FideliusException(Reason.PUBLIC_KEY_OFF_CURVE, "the public key is not a point on curve25519");
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new FideliusException(Reason.PUBLIC_KEY_OFF_CURVE, "the public key is not a point on curve25519");
        }
        return point;
    }

    static byte[] privateKeyBytes(BigInteger d) {
        return d.toByteArray();
    }

    static byte[] rawPublicKey(ECPoint point) {
        return point.normalize().getEncoded(false);
    }

    static byte[] x509PublicKey(ECPoint point) {
        byte[] raw = rawPublicKey(point);
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        return der;
    }

    private static byte[] x509Prefix() {
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                new X962Parameters(Curve.PARAMETERS));
        byte[] der;
        try {
            der = new SubjectPublicKeyInfo(algorithm, rawPublicKey(Curve.G)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the curve25519 X.509 key prefix", e);
        }
        return Arrays.copyOf(der, der.length - RAW_PUBLIC_KEY_BYTES);
    }
}
