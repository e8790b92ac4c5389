package org.abdmdesk.engine.fidelius;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.abdmdesk.engine.fidelius.FideliusException.Reason;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Fidelius, the ABDM health-data encryption: the HIP (sender) encrypts each FHIR bundle of a data push for the
 * HIU (requester) that asked for it, and the HIU decrypts it. ECDH on BouncyCastle's Weierstrass curve25519,
 * HKDF-SHA256 and AES-256-GCM, byte-compatible with the reference (mgrmtech/fidelius-cli 1.2.0).
 *
 * <p>All keys and nonces are base64 strings as they travel in {@code keyMaterial}; public keys may be the
 * 65-byte raw point or the 309-byte X.509 form. The ciphertext is base64 of body || 16-byte tag. Failures
 * throw {@link FideliusException}; no partial output is ever returned. Thread-safe and stateless.
 */
public final class Fidelius {
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;

    private Fidelius() {
    }

    /** Encrypts {@code plaintext} as UTF-8 (what every Fidelius peer assumes for FHIR JSON). */
    public static String encrypt(String plaintext, String senderPrivateKey, String senderNonce,
            String requesterPublicKey, String requesterNonce) throws FideliusException {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), senderPrivateKey, senderNonce,
                requesterPublicKey, requesterNonce);
    }

    /** Encrypts {@code plaintext} from the sender (HIP) to the requester (HIU); returns the base64 ciphertext. */
    public static String encrypt(byte[] plaintext, String senderPrivateKey, String senderNonce,
            String requesterPublicKey, String requesterNonce) throws FideliusException {
        BigInteger d = FideliusKeys.privateKey(senderPrivateKey);
        ECPoint q = FideliusKeys.publicKey(requesterPublicKey);
        SessionKey key = SessionKey.derive(d, q, FideliusKeys.decodeBase64(senderNonce, "the sender nonce"),
                FideliusKeys.decodeBase64(requesterNonce, "the requester nonce"));
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, key).doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** Decrypts a base64 ciphertext the sender (HIP) made for the requester (HIU); returns the plaintext bytes. */
    public static byte[] decrypt(String ciphertext, String requesterPrivateKey, String requesterNonce,
            String senderPublicKey, String senderNonce) throws FideliusException {
        byte[] sealed = FideliusKeys.decodeBase64(ciphertext, "the ciphertext");
        BigInteger d = FideliusKeys.privateKey(requesterPrivateKey);
        ECPoint q = FideliusKeys.publicKey(senderPublicKey);
        SessionKey key = SessionKey.derive(d, q, FideliusKeys.decodeBase64(senderNonce, "the sender nonce"),
                FideliusKeys.decodeBase64(requesterNonce, "the requester nonce"));
        if (sealed.length < TAG_BYTES) {
            throw new FideliusException(Reason.TAG_MISMATCH,
                    "the ciphertext is " + sealed.length + " bytes, shorter than the 16-byte tag");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key).doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new FideliusException(Reason.TAG_MISMATCH,
                    "the ciphertext does not authenticate (wrong key, wrong nonce or altered data)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** Decrypts like {@link #decrypt} and reads the plaintext as UTF-8. */
    public static String decryptToString(String ciphertext, String requesterPrivateKey, String requesterNonce,
            String senderPublicKey, String senderNonce) throws FideliusException {
        return new String(decrypt(ciphertext, requesterPrivateKey, requesterNonce, senderPublicKey, senderNonce),
                StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, SessionKey key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.aesKey(), "AES"), new GCMParameterSpec(TAG_BITS, key.iv()));
        return cipher;
    }
}
