package org.abdmdesk.engine.sim;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated gateway's RSA-2048 signing key (the key ABDM's Keycloak signs callback JWTs with).
 * Generated once per JVM in the background when the first simulator starts and shared by every
 * simulator in the JVM, like {@link SimKeys}. Its key id is the key's RFC 7638 thumbprint.
 */
final class GatewayKeys {
    static final int KEY_BITS = 2048;

    private static final class Holder {
        static final CompletableFuture<RSAKey> KEY = CompletableFuture.supplyAsync(GatewayKeys::demoKey);
    }

    private GatewayKeys() {
    }

    /** Starts key generation if it has not started yet; returns at once. */
    static void warmUp() {
        Holder.KEY.isDone();
    }

    /** The gateway's key pair (private part included). */
    static RSAKey signingKey() {
        return Holder.KEY.join();
    }

    /** The gateway's fixed demo signing key ({@link DemoKeys}), its kid the JWK thumbprint. */
    private static RSAKey demoKey() {
        java.security.KeyPair pair = DemoKeys.load(DemoKeys.GATEWAY);
        try {
            return new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable simulator gateway key", e);
        }
    }

    /** A fresh RS256 signing key (for tests that forge); {@code kid} null means "the thumbprint". */
    static RSAKey generate(String kid) {
        try {
            JWKGenerator<RSAKey> generator = new RSAKeyGenerator(KEY_BITS).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256);
            return kid == null ? generator.keyIDFromThumbprint(true).generate() : generator.keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
