package org.abdmdesk.engine.fidelius;

import java.math.BigInteger;
import java.util.Arrays;
import org.abdmdesk.engine.fidelius.FideliusException.Reason;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The AES-256 key and the GCM IV of one Fidelius exchange: ECDH X coordinate, XOR of the nonces, salt = first
 * 20 bytes, IV = last 12 bytes, HKDF-SHA256 (empty info) to 32 bytes. Both sides derive the same values.
 */
record SessionKey(byte[] aesKey, byte[] iv) {
    static final int NONCE_BYTES = 32;
    static final int SALT_BYTES = 20;
    static final int IV_BYTES = 12;
    static final int AES_KEY_BYTES = 32;

    static SessionKey derive(BigInteger ownPrivateKey, ECPoint peerPublicKey, byte[] senderNonce,
            byte[] requesterNonce) throws FideliusException {
        checkNonce(senderNonce, "sender");
        checkNonce(requesterNonce, "requester");
        byte[] xor = xorOfNonces(senderNonce, requesterNonce);
        byte[] secret = sharedSecret(ownPrivateKey, peerPublicKey);
        try {
            return new SessionKey(aesKey(secret, salt(xor)), iv(xor));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The affine X of d·Q, 32 bytes big-endian, left-padded. */
    static byte[] sharedSecret(BigInteger d, ECPoint q) throws FideliusException {
        ECPoint product = q.multiply(d).normalize();
        if (product.isInfinity()) {
            throw new FideliusException(Reason.PUBLIC_KEY_OFF_CURVE, "the public key gives no shared secret");
        }
        return product.getAffineXCoord().getEncoded();
    }

    static byte[] xorOfNonces(byte[] senderNonce, byte[] requesterNonce) {
        byte[] xor = new byte[senderNonce.length];
        for (int i = 0; i < xor.length; i++) {
            xor[i] = (byte) (senderNonce[i] ^ requesterNonce[i % requesterNonce.length]);
        }
        return xor;
    }

    static byte[] salt(byte[] xor) {
        return Arrays.copyOfRange(xor, 0, SALT_BYTES);
    }

    static byte[] iv(byte[] xor) {
        return Arrays.copyOfRange(xor, xor.length - IV_BYTES, xor.length);
    }

    static byte[] aesKey(byte[] sharedSecret, byte[] salt) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(sharedSecret, salt, null));
        byte[] key = new byte[AES_KEY_BYTES];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    private static void checkNonce(byte[] nonce, String side) throws FideliusException {
        if (nonce.length != NONCE_BYTES) {
            throw new FideliusException(Reason.BAD_NONCE,
                    "the " + side + " nonce is " + nonce.length + " bytes; expected " + NONCE_BYTES);
        }
    }
}
