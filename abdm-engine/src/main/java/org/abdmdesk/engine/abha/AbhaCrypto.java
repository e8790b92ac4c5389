package org.abdmdesk.engine.abha;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.gateway.GatewayHttp;

/**
 * Encrypts sensitive fields (Aadhaar, OTP, mobile, login ids) for ABDM's V3 APIs:
 * RSA/ECB/OAEPWithSHA-1AndMGF1Padding with ABDM's public key, then standard Base64. The key comes
 * from {@code GET {abha}/v3/profile/public/certificate} and is kept for the client's life;
 * {@link #forgetKey()} makes the next use fetch it again (ABDM rotated it).
 */
final class AbhaCrypto {
    static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

    private final GatewayHttp http;
    private PublicKey key;

    AbhaCrypto(GatewayHttp http) {
        this.http = http;
    }

    String encrypt(String plain) throws AbdmException {
        PublicKey publicKey = key();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, publicKey);
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP is not usable in this JVM", e);
        }
    }

    synchronized void forgetKey() {
        key = null;
    }

    private synchronized PublicKey key() throws AbdmException {
        if (key == null) {
            key = fetch();
        }
        return key;
    }

    private PublicKey fetch() throws AbdmException {
        JsonNode answer = http.getJson(http.config().abhaUrl(AbhaPaths.CERTIFICATE), Map.of());
        String text = answer.path("publicKey").asText("");
        if (text.isBlank()) {
            throw AbdmException.unexpected(200, "GET certificate -> no publicKey");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw AbdmException.unexpected(200, "GET certificate -> publicKey is not a Base64 X.509 RSA key");
        }
    }
}
