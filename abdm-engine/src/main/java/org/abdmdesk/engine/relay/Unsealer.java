package org.abdmdesk.engine.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * Opens the relay's sealed envelopes (protocol §3) with the workstation's X25519 private key:
 * {@code 0x01 || ephemeralPublic(32) || nonce(12) || AES-256-GCM(ciphertext || tag(16))}, the key
 * derived by HKDF-SHA256 from the X25519 shared secret with salt {@code ephemeralPublic || clinicPublic}.
 * Anything else (another version, a short blob, a changed byte, another clinic's key) is refused with
 * a {@link SealedEnvelopeException}. Thread-safe; make one per private key.
 */
public final class Unsealer {
    static final byte VERSION = 0x01;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int HEADER_BYTES = 1 + SealingKeys.RAW_KEY_BYTES + NONCE_BYTES;
    static final byte[] AAD = "abdm-relay-v1".getBytes(StandardCharsets.US_ASCII);
    static final byte[] INFO = "abdm-relay-seal-v1".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final ObjectMapper json = new ObjectMapper();

    public Unsealer(PrivateKey privateKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = SealingKeys.rawPublicKey(privateKey);
    }

    /** Opens a {@code sealed} field (standard base64) and reads the envelope inside. */
    public RelayEnvelope openEnvelope(String sealedBase64) throws SealedEnvelopeException {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(Objects.requireNonNull(sealedBase64, "sealed"));
        } catch (IllegalArgumentException e) {
            throw new SealedEnvelopeException("sealed envelope is not base64");
        }
        return RelayEnvelope.parse(json, open(sealed));
    }

    /** The plaintext bytes of a sealed blob. */
    public byte[] open(byte[] sealed) throws SealedEnvelopeException {
        if (sealed.length < HEADER_BYTES + TAG_BYTES) {
            throw new SealedEnvelopeException("sealed envelope truncated: " + sealed.length + " bytes, at least "
                    + (HEADER_BYTES + TAG_BYTES) + " expected");
        }
        if (sealed[0] != VERSION) {
            throw new SealedEnvelopeException("sealed envelope has version " + (sealed[0] & 0xff) + ", expected 1");
        }
        byte[] ephemeral = Arrays.copyOfRange(sealed, 1, 1 + SealingKeys.RAW_KEY_BYTES);
        byte[] nonce = Arrays.copyOfRange(sealed, 1 + SealingKeys.RAW_KEY_BYTES, HEADER_BYTES);
        byte[] shared;
        try {
            shared = SealingKeys.agree(privateKey, ephemeral);
        } catch (IllegalArgumentException e) {
            throw new SealedEnvelopeException("sealed envelope has an unusable ephemeral key", e);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(shared, ephemeral), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(AAD);
            return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedEnvelopeException("sealed envelope altered or sealed to another key (GCM tag mismatch)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM or HKDF unavailable in this JDK", e);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    /** HKDF-SHA256(ikm = shared, salt = ephemeralPublic || clinicPublic, info, 32 bytes) as an AES key. */
    SecretKey key(byte[] shared, byte[] ephemeral) throws GeneralSecurityException {
        byte[] salt = new byte[ephemeral.length + publicKey.length];
        System.arraycopy(ephemeral, 0, salt, 0, ephemeral.length);
        System.arraycopy(publicKey, 0, salt, ephemeral.length, publicKey.length);
        KDF hkdf = KDF.getInstance("HKDF-SHA256");
        return hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(shared).addSalt(salt).thenExpand(INFO, 32));
    }
}
