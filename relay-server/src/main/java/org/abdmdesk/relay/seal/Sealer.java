package org.abdmdesk.relay.seal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * Seals a plaintext to a clinic's X25519 public key (protocol §3):
 * {@code 0x01 || ephemeralPublic(32) || nonce(12) || AES-256-GCM(ciphertext || tag)}, with the AES key from
 * HKDF-SHA256 over the X25519 shared secret. The relay keeps no key that can open what it stored: an ephemeral
 * key lives in memory only, for at most {@link EphemeralKeys#MAX_AGE} (see there).
 */
public final class Sealer {
    static final byte VERSION = 0x01;
    private static final byte[] AAD = "abdm-relay-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "abdm-relay-seal-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;

    /** Source of the ephemeral key pairs and nonces; fixed only in the test-vector test. */
    interface Randomness {
        KeyPair ephemeralKeyPair() throws GeneralSecurityException;

        byte[] nonce();
    }

    /** An ephemeral public key and the AES key it gives with one clinic's public key. */
    record SealingKey(byte[] ephemeralPublic, SecretKey aesKey) {
    }

    private final Randomness randomness;
    private final EphemeralKeys reuse;

    /**
     * A sealer with fresh randomness, reusing a clinic's ephemeral key for a short while ({@link EphemeralKeys}):
     * two X25519 operations per message were most of the relay's CPU.
     */
    public Sealer() {
        this.randomness = new SecureRandomness(new SecureRandom());
        this.reuse = new EphemeralKeys(this::newKey);
    }

    /** A sealer that makes a new ephemeral key for every message (the test vector fixes both). */
    Sealer(Randomness randomness) {
        this.randomness = randomness;
        this.reuse = null;
    }

    /**
     * Seals {@code plaintext} to {@code clinicPublicKey} (32 raw bytes).
     *
     * @throws IllegalArgumentException if the public key is not 32 bytes
     */
    public byte[] seal(byte[] clinicPublicKey, byte[] plaintext) {
        if (clinicPublicKey.length != 32) {
            throw new IllegalArgumentException("a clinic public key has 32 bytes, not " + clinicPublicKey.length);
        }
        try {
            SealingKey key = reuse == null ? newKey(clinicPublicKey) : reuse.keyFor(clinicPublicKey);
            byte[] nonce = randomness.nonce();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.aesKey(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(AAD);
            byte[] out = new byte[1 + 32 + NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            out[0] = VERSION;
            System.arraycopy(key.ephemeralPublic(), 0, out, 1, 32);
            System.arraycopy(nonce, 0, out, 33, NONCE_LENGTH);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, out, 33 + NONCE_LENGTH);
            return written == out.length - 33 - NONCE_LENGTH ? out : Arrays.copyOf(out, 33 + NONCE_LENGTH + written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed: " + e.getMessage(), e);
        }
    }

    /** A new ephemeral key pair and the AES key: X25519, then HKDF-SHA256 (protocol section 3). */
    private SealingKey newKey(byte[] clinicPublicKey) {
        try {
            KeyPair ephemeral = randomness.ephemeralKeyPair();
            byte[] ephemeralPublic = rawPublicKey(ephemeral.getPublic());
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(publicKey(clinicPublicKey), true);
            byte[] shared = agreement.generateSecret();
            byte[] salt = concat(ephemeralPublic, clinicPublicKey);
            KDF hkdf = KDF.getInstance("HKDF-SHA256");
            SecretKey key = hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract()
                    .addIKM(shared).addSalt(salt).thenExpand(INFO, KEY_LENGTH));
            Arrays.fill(shared, (byte) 0);
            return new SealingKey(ephemeralPublic, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed: " + e.getMessage(), e);
        }
    }

    /** The 32-byte little-endian u-coordinate of an X25519 public key. */
    static byte[] rawPublicKey(PublicKey key) {
        BigInteger u = ((XECPublicKey) key).getU();
        byte[] bigEndian = u.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = raw[31 - i];
        }
        BigInteger u = new BigInteger(1, bigEndian);
        return KeyFactory.getInstance("X25519").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
    }

    static PrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        return KeyFactory.getInstance("X25519").generatePrivate(
                new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private record SecureRandomness(SecureRandom random) implements Randomness {
        @Override
        public KeyPair ephemeralKeyPair() throws GeneralSecurityException {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        }

        @Override
        public byte[] nonce() {
            byte[] nonce = new byte[NONCE_LENGTH];
            random.nextBytes(nonce);
            return nonce;
        }
    }
}
