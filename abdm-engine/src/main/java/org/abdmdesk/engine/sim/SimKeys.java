package org.abdmdesk.engine.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Cipher;

/**
 * The simulator's RSA-4096 key pair, like ABDM's published sandbox key: a fixed demo key loaded
 * from the engine's resources ({@link DemoKeys}) once per JVM and shared by every simulator.
 */
final class SimKeys {
    static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

    private static final class Holder {
        static final CompletableFuture<KeyPair> PAIR = CompletableFuture.supplyAsync(SimKeys::generate);
    }

    private SimKeys() {
    }

    /** Starts key generation if it has not started yet; returns at once. */
    static void warmUp() {
        Holder.PAIR.isDone();
    }

    static KeyPair pair() {
        return Holder.PAIR.join();
    }

    /** The public key as ABDM serves it: Base64 of the DER SubjectPublicKeyInfo. */
    static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(pair().getPublic().getEncoded());
    }

    /** Decrypts a Base64 RSA-OAEP(SHA-1) field; empty when it is not one (plain text, PKCS#1 v1.5...). */
    static Optional<String> decrypt(String base64) {
        if (base64 == null || base64.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] cipherText = Base64.getDecoder().decode(base64.strip());
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, pair().getPrivate());
            return Optional.of(new String(cipher.doFinal(cipherText), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static KeyPair generate() {
        return DemoKeys.load(DemoKeys.CERTIFICATE);
    }
}
