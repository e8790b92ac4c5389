package org.abdmdesk.engine.abha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.crypto.Cipher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.abdmdesk.engine.gateway.AbdmConfig;
import org.abdmdesk.engine.gateway.FakeAbdmServer;

/**
 * The ABHA side of ABDM for client tests: serves an RSA public key at the certificate path and can
 * decrypt what the client encrypted with it, like the real service (and the simulator) must.
 */
final class FakeAbha implements AutoCloseable {
    static final String BASE = FakeAbdmServer.ABHA + "/";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair FIRST_KEY = newKeyPair();

    final FakeAbdmServer server;
    private final AtomicReference<KeyPair> key = new AtomicReference<>(FIRST_KEY);

    FakeAbha() throws IOException {
        server = new FakeAbdmServer();
        server.route("GET", BASE + AbhaPaths.CERTIFICATE, r -> FakeAbdmServer.json(200,
                "{\"publicKey\":\"" + Base64.getEncoder().encodeToString(key.get().getPublic().getEncoded())
                        + "\",\"encryptionAlgorithm\":\"RSA/ECB/OAEPWithSHA-1AndMGF1Padding\"}"));
    }

    AbdmConfig config() {
        return server.config();
    }

    /** Routes {@code path} (relative to the ABHA base, e.g. {@code v3/profile/account}). */
    FakeAbha on(String method, String path, Function<RecordedRequest, MockResponse> handler) {
        server.route(method, BASE + path, handler);
        return this;
    }

    /** ABDM rotates its key: what was encrypted with the old one can no longer be decrypted. */
    void rotateKey() {
        key.set(newKeyPair());
    }

    /** Decrypts with the current private key; throws if the ciphertext was made with another key. */
    String decrypt(String base64) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        cipher.init(Cipher.DECRYPT_MODE, key.get().getPrivate());
        return new String(cipher.doFinal(Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
    }

    String decryptOrNull(String base64) {
        try {
            return decrypt(base64);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    int certificateFetches() {
        return server.requestsTo(BASE + AbhaPaths.CERTIFICATE).size();
    }

    RecordedRequest last(String path) {
        return server.requestsTo(BASE + path).getLast();
    }

    static JsonNode body(RecordedRequest r) {
        try {
            return JSON.readTree(FakeAbdmServer.body(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse ok(String json) {
        return FakeAbdmServer.json(200, json);
    }

    @Override
    public void close() {
        server.close();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048); // ABDM uses 4096; 2048 keeps the tests fast and exercises the same code
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
