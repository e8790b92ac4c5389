package org.abdmdesk.engine.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * The simulator's fixed RSA keys, shipped as resources under {@code sim/keys/}. They are public test
 * data standing in for ABDM's own keys (its certificate key and its gateway signing key): loading them
 * takes milliseconds, where generating RSA-4096 and RSA-2048 pairs cost a core for a second or more of
 * every demo start on a 2-core clinic PC. Nothing in real mode trusts them.
 */
final class DemoKeys {
    static final String CERTIFICATE = "certificate-rsa4096.pk8";
    static final String GATEWAY = "gateway-rsa2048.pk8";

    private DemoKeys() {
    }

    static KeyPair load(String name) {
        String resource = "keys/" + name;
        try (InputStream in = DemoKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing simulator key resource " + resource);
            }
            String base64 = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.joining());
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            BigInteger modulus = privateKey.getModulus();
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(modulus, privateKey.getPublicExponent())),
                    privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("unreadable simulator key resource " + resource, e);
        }
    }
}
