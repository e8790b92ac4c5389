package org.abdmdesk.app.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.abdmdesk.app.common.OwnerOnlyFiles;
import org.abdmdesk.engine.relay.RelaySettings;
import org.abdmdesk.engine.relay.SealingKeys;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.server.RelayServer;
import org.abdmdesk.relay.store.ClinicAdmin;
import org.abdmdesk.relay.store.ClinicRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode's relay, in this process on loopback (ADR 0008): its data under the app's data folder,
 * gateway JWTs checked against the simulator's JWKS, and the demo clinic registered once with this
 * workstation's public sealing key. The clinic credential is kept in a file only this user may read;
 * when it is missing or no longer matches (a new key, a revoked clinic) the clinic is registered anew.
 */
public final class DemoRelay implements AutoCloseable {
    static final String CREDENTIAL_FILE = "relay-clinic.credential";
    private static final Logger LOG = LoggerFactory.getLogger(DemoRelay.class);

    private final RelayServer server;
    private final Path dataDir;
    private final Path relayDir;
    private final Clock clock;

    private DemoRelay(RelayServer server, Path dataDir, Path relayDir, Clock clock) {
        this.server = server;
        this.dataDir = dataDir;
        this.relayDir = relayDir;
        this.clock = clock;
    }

    /** Starts the relay on 127.0.0.1 (a free port) with its data in {@code dataDir/relay}. */
    public static DemoRelay start(Path dataDir, URI jwksUrl, Clock clock) throws Exception {
        Path relayDir = dataDir.resolve("relay");
        Files.createDirectories(relayDir);
        return new DemoRelay(RelayServer.start(RelayConfig.defaults(relayDir, jwksUrl), clock), dataDir, relayDir,
                clock);
    }

    /**
     * Registers clinic {@code hipId} (as HIP and HIU) for {@code sealingKey} unless it is registered with
     * that key already, and returns how the workstation connects (WebSocket URL, credential, key).
     */
    public RelaySettings registerClinic(String hipId, PrivateKey sealingKey) throws IOException {
        String credential = credential(dataDir, relayDir, hipId, sealingKey, clock);
        return new RelaySettings(URI.create(server.baseUri() + "/ws"), credential, sealingKey);
    }

    /** The relay's base URL: the bridge URL to register with the gateway. */
    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
    }

    private static String credential(Path dataDir, Path relayDir, String hipId, PrivateKey key, Clock clock)
            throws IOException {
        byte[] publicKey = Base64.getDecoder().decode(SealingKeys.publicKeyBase64(key));
        Path file = dataDir.resolve(CREDENTIAL_FILE);
        Optional<String> kept = Files.isRegularFile(file)
                ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        try (ClinicAdmin admin = new ClinicAdmin(relayDir, clock)) {
            Optional<ClinicRecord> clinic = admin.list().stream()
                    .filter(c -> c.active() && c.hipId().filter(hipId::equals).isPresent()).findFirst();
            if (clinic.isPresent() && kept.isPresent() && kept.get().startsWith(clinic.get().id() + ".")
                    && Arrays.equals(clinic.get().publicKey(), publicKey)) {
                return kept.get();
            }
            clinic.ifPresent(c -> admin.revoke(c.id()));
            ClinicAdmin.Added added = admin.add("ABDM Desk demo clinic", Optional.of(hipId), Optional.of(hipId),
                    publicKey);
            OwnerOnlyFiles.write(file, added.credential().getBytes(StandardCharsets.UTF_8));
            LOG.info("Demo clinic {} registered with the in-process relay", added.clinicId());
            return added.credential();
        }
    }
}
