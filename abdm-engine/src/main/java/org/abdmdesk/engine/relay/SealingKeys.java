package org.abdmdesk.engine.relay;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.KeyAgreement;

/**
 * The workstation's X25519 sealing key pair (protocol §1): the relay seals every stored call to the
 * public key, and only this workstation, holding the private key, can open it.
 *
 * <p>At setup the app calls {@link #generate()}, keeps {@link #encodePrivate(PrivateKey)} (PKCS#8) in
 * its settings, and shows {@link #publicKeyBase64(PublicKey)} to the person who runs
 * {@code relay-server clinic add --public-key}. At start-up it reads the key back with
 * {@link #decodePrivate(byte[])}.
 */
public final class SealingKeys {
    static final int RAW_KEY_BYTES = 32;
    private static final String ALGORITHM = "X25519";
    /** DER prefix of an X.509 SubjectPublicKeyInfo for X25519 (OID 1.3.101.110), before the 32 raw bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");
    /** The X25519 base point, u = 9, as a raw little-endian u-coordinate. */
    private static final byte[] BASE_POINT = basePoint();

    private SealingKeys() {
    }

    /** A fresh key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no X25519", e);
        }
    }

    /** The 32 raw bytes of {@code publicKey} (the u-coordinate) in standard base64, as {@code clinic add} wants it. */
    public static String publicKeyBase64(PublicKey publicKey) {
        return Base64.getEncoder().encodeToString(rawPublicKey(publicKey));
    }

    /** The base64 public key that belongs to {@code privateKey}, so settings need to keep only the private key. */
    public static String publicKeyBase64(PrivateKey privateKey) {
        return Base64.getEncoder().encodeToString(rawPublicKey(privateKey));
    }

    /** The PKCS#8 encoding of {@code privateKey}, for the workstation's settings. */
    public static byte[] encodePrivate(PrivateKey privateKey) {
        requireX25519(privateKey);
        return privateKey.getEncoded();
    }

    /** Reads back what {@link #encodePrivate(PrivateKey)} wrote; refuses anything that is not an X25519 key. */
    public static PrivateKey decodePrivate(byte[] pkcs8) {
        Objects.requireNonNull(pkcs8, "pkcs8");
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            requireX25519(key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 X25519 private key", e);
        }
    }

    /** A private key from its 32-byte scalar, as the protocol's test vector gives it. */
    public static PrivateKey privateFromScalar(byte[] scalar) {
        if (scalar.length != RAW_KEY_BYTES) {
            throw new IllegalArgumentException("an X25519 scalar has 32 bytes, not " + scalar.length);
        }
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no X25519", e);
        }
    }

    /** A public key from its 32 raw bytes. */
    public static PublicKey publicFromRaw(byte[] raw) {
        if (raw.length != RAW_KEY_BYTES) {
            throw new IllegalArgumentException("a raw X25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_KEY_BYTES);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, RAW_KEY_BYTES);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
    }

    /** The raw 32 bytes: the last 32 bytes of the X.509 encoding. */
    static byte[] rawPublicKey(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        if (!ALGORITHM.equals(publicKey.getAlgorithm()) && !"XDH".equals(publicKey.getAlgorithm())
                || encoded.length != X509_PREFIX.length + RAW_KEY_BYTES) {
            throw new IllegalArgumentException("not an X25519 public key: " + publicKey.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, encoded.length - RAW_KEY_BYTES, encoded.length);
    }

    /** The raw public key of {@code privateKey}: X25519(scalar, 9). */
    static byte[] rawPublicKey(PrivateKey privateKey) {
        requireX25519(privateKey);
        return agree(privateKey, BASE_POINT);
    }

    /** X25519(privateKey, peer): the raw shared secret; refuses a low-order peer (all-zero result). */
    static byte[] agree(PrivateKey privateKey, byte[] rawPeerPublic) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance(ALGORITHM);
            agreement.init(privateKey);
            agreement.doPhase(publicFromRaw(rawPeerPublic), true);
            return agreement.generateSecret();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("X25519 refused the key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no X25519", e);
        }
    }

    private static void requireX25519(PrivateKey key) {
        Objects.requireNonNull(key, "privateKey");
        if (!(key instanceof java.security.interfaces.XECPrivateKey xec)
                || !(xec.getParams() instanceof NamedParameterSpec spec)
                || !ALGORITHM.equalsIgnoreCase(spec.getName())) {
            throw new IllegalArgumentException("not an X25519 private key: " + key.getAlgorithm());
        }
    }

    private static byte[] basePoint() {
        byte[] u = new byte[RAW_KEY_BYTES];
        u[0] = 9;
        return u;
    }
}
