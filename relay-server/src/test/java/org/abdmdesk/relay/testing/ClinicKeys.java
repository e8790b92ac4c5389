package org.abdmdesk.relay.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/** A clinic's X25519 key pair and the workstation's opening of a sealed envelope (written from protocol §3). */
public record ClinicKeys(byte[] privateScalar, byte[] publicRaw) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ClinicKeys generate() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        byte[] scalar = ((XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow();
        return new ClinicKeys(scalar, raw(((XECPublicKey) pair.getPublic()).getU()));
    }

    public String publicBase64() {
        return Base64.getEncoder().encodeToString(publicRaw);
    }

    private static byte[] raw(BigInteger u) {
        byte[] be = u.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    /** Opens a base64 {@code sealed} value to its JSON envelope. */
    public JsonNode open(String sealedBase64) throws Exception {
        byte[] sealed = Base64.getDecoder().decode(sealedBase64);
        if (sealed[0] != 1) {
            throw new IllegalArgumentException("unknown version " + sealed[0]);
        }
        byte[] ephemeral = Arrays.copyOfRange(sealed, 1, 33);
        byte[] nonce = Arrays.copyOfRange(sealed, 33, 45);
        KeyFactory kf = KeyFactory.getInstance("X25519");
        PrivateKey priv = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateScalar));
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = ephemeral[31 - i];
        }
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(priv);
        agreement.doPhase(kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be))),
                true);
        byte[] salt = new byte[64];
        System.arraycopy(ephemeral, 0, salt, 0, 32);
        System.arraycopy(publicRaw, 0, salt, 32, 32);
        SecretKey key = KDF.getInstance("HKDF-SHA256").deriveKey("AES", HKDFParameterSpec.ofExtract()
                .addIKM(agreement.generateSecret()).addSalt(salt)
                .thenExpand("abdm-relay-seal-v1".getBytes(StandardCharsets.US_ASCII), 32));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD("abdm-relay-v1".getBytes(StandardCharsets.US_ASCII));
        return JSON.readTree(cipher.doFinal(sealed, 45, sealed.length - 45));
    }
}
