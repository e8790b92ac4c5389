package org.abdmdesk.relay.load;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abdmdesk.relay.store.ClinicAdmin;
import org.abdmdesk.relay.testing.ClinicKeys;

/**
 * Load harness, step 1 (its own process, before the relay starts): registers {@code --clinics N} clinics in a new
 * relay data directory (as {@code clinic add} would) and writes the gateway's RSA key to {@code --work}:
 * {@code clinics.tsv} (credentials, test only), {@code gateway-jwk.json} (private), {@code jwks.json} (public) and {@code ports}
 * (two free loopback ports: relay, JWKS).
 * All load clinics share one X25519 key: the relay seals each message with a fresh ephemeral key anyway.
 */
public final class LoadSetup {
    private LoadSetup() {
    }

    /** A port free right now (for the relay and the gateway's JWKS; the script starts them at once). */
    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        Path data = Path.of(a.text("data"));
        Path work = Path.of(a.text("work"));
        int clinics = a.integer("clinics", 1_000);
        Files.createDirectories(work);
        RSAKey gateway = new RSAKeyGenerator(2048).keyID("load-gw").generate();
        Files.writeString(work.resolve("gateway-jwk.json"), gateway.toJSONString());
        Files.writeString(work.resolve("jwks.json"), new JWKSet(gateway.toPublicJWK()).toString());
        byte[] publicKey = ClinicKeys.generate().publicRaw();
        List<String> lines = new ArrayList<>(clinics);
        long start = System.nanoTime();
        try (ClinicAdmin admin = new ClinicAdmin(data, Clock.systemUTC())) {
            for (int i = 0; i < clinics; i++) {
                String hip = "IN-LOAD-" + i;
                ClinicAdmin.Added added = admin.add("Load clinic " + i, Optional.of(hip), Optional.empty(),
                        publicKey);
                lines.add(new LoadClinic(i, added.clinicId(), hip, added.credential()).line());
            }
        }
        Files.write(work.resolve(LoadClinic.FILE), lines);
        Files.writeString(work.resolve("ports"), freePort() + " " + freePort() + "\n");
        System.out.printf("setup: %d clinics registered in %d ms%n", clinics,
                (System.nanoTime() - start) / 1_000_000);
    }
}
