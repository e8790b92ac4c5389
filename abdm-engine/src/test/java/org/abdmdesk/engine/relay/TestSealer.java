package org.abdmdesk.engine.relay;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/** The relay's side of protocol §3, written independently for tests: seals a plaintext to a clinic's public key. */
final class TestSealer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSealer() {
    }

    static String seal(byte[] clinicPublicRaw, byte[] plaintext) {
        KeyPair ephemeral = SealingKeys.generate();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(seal(clinicPublicRaw, ephemeral.getPrivate(), nonce, plaintext));
    }

    static byte[] seal(byte[] clinicPublicRaw, PrivateKey ephemeralPrivate, byte[] nonce, byte[] plaintext) {
        byte[] ephemeralPublic = SealingKeys.rawPublicKey(ephemeralPrivate);
        byte[] shared = SealingKeys.agree(ephemeralPrivate, clinicPublicRaw);
        byte[] salt = new byte[64];
        System.arraycopy(ephemeralPublic, 0, salt, 0, 32);
        System.arraycopy(clinicPublicRaw, 0, salt, 32, 32);
        try {
            SecretKey key = KDF.getInstance("HKDF-SHA256").deriveKey("AES", HKDFParameterSpec.ofExtract()
                    .addIKM(shared).addSalt(salt).thenExpand("abdm-relay-seal-v1".getBytes(), 32));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD("abdm-relay-v1".getBytes());
            byte[] body = cipher.doFinal(plaintext);
            byte[] sealed = new byte[1 + 32 + nonce.length + body.length];
            sealed[0] = 0x01;
            System.arraycopy(ephemeralPublic, 0, sealed, 1, 32);
            System.arraycopy(nonce, 0, sealed, 33, nonce.length);
            System.arraycopy(body, 0, sealed, 33 + nonce.length, body.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
