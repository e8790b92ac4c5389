package org.abdmdesk.relay.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.server.RelayServer;
import org.abdmdesk.relay.store.ClinicAdmin;
import org.abdmdesk.relay.store.RelayStore;

/**
 * A real relay on port 0 over a temporary data dir, a fake gateway serving its JWKS, and two clinics:
 * A (HIP {@code IN-HIP-A}, HIU {@code IN-HIU-A}) and B (HIP {@code IN-HIP-B}).
 */
public final class RelayFixture implements AutoCloseable {
    /** A registered clinic as a test knows it. */
    public record Clinic(String id, String credential, ClinicKeys keys) {
    }

    public final FakeGateway gateway;
    public final Path dataDir;
    public final Clinic a;
    public final Clinic b;
    private final RelayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RelayServer relay;

    private RelayFixture(FakeGateway gateway, Path dataDir, Clinic a, Clinic b, RelayConfig config) {
        this.gateway = gateway;
        this.dataDir = dataDir;
        this.a = a;
        this.b = b;
        this.config = config;
    }

    public static RelayFixture start(Path tmp) throws Exception {
        return start(tmp, c -> c);
    }

    public static RelayFixture start(Path tmp, UnaryOperator<RelayConfig> tweak) throws Exception {
        FakeGateway gateway = new FakeGateway();
        Path data = tmp.resolve("relay-data");
        Clinic a;
        Clinic b;
        try (ClinicAdmin admin = new ClinicAdmin(data, Clock.systemUTC())) {
            ClinicKeys keysA = ClinicKeys.generate();
            ClinicKeys keysB = ClinicKeys.generate();
            ClinicAdmin.Added addedA = admin.add("Clinic A", Optional.of("IN-HIP-A"), Optional.of("IN-HIU-A"),
                    keysA.publicRaw());
            ClinicAdmin.Added addedB = admin.add("Clinic B", Optional.of("IN-HIP-B"), Optional.empty(),
                    keysB.publicRaw());
            a = new Clinic(addedA.clinicId(), addedA.credential(), keysA);
            b = new Clinic(addedB.clinicId(), addedB.credential(), keysB);
        }
        RelayConfig config = tweak.apply(RelayConfig.defaults(data, gateway.jwksUrl()));
        RelayFixture fixture = new RelayFixture(gateway, data, a, b, config);
        fixture.relay = RelayServer.start(config, Clock.systemUTC());
        return fixture;
    }

    public RelayServer relay() {
        return relay;
    }

    public URI base() {
        return relay.baseUri();
    }

    /** Stops the relay cleanly and starts a new one on the same data dir (new port). */
    public void restart() throws Exception {
        relay.close();
        relay = RelayServer.start(config, Clock.systemUTC());
    }

    /** A gateway callback signed with a valid token, routed by {@code X-HIP-ID}. */
    public HttpResponse<String> callback(String hipId, String body) throws Exception {
        return post("/api/v3/hip/patient/share", gateway.token(), "X-HIP-ID", hipId, body);
    }

    /** A POST with REQUEST-ID, TIMESTAMP, X-CM-ID and the given token and routing header. */
    public HttpResponse<String> post(String path, String token, String routingHeader, String routingId, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("REQUEST-ID", UUID.randomUUID().toString())
                .header("TIMESTAMP", "2026-11-25T04:00:00.000Z")
                .header("X-CM-ID", "sbx")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (routingHeader != null) {
            b.header(routingHeader, routingId);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** Rows stored for a clinic, read through a separate JDBC connection (sees committed data only). */
    public long storedRows(String clinicId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + RelayStore.databaseFile(dataDir));
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM messages WHERE clinic_id = ?")) {
            ps.setString(1, clinicId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Waits (up to 10 s) until the clinic has {@code expected} stored rows; deletes after acks are asynchronous. */
    public void awaitRows(String clinicId, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long rows;
        while ((rows = storedRows(clinicId)) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " stored rows for " + clinicId + ", still " + rows);
            }
            Thread.sleep(20);
        }
    }

    public TestClinic connect(Clinic clinic) throws Exception {
        return TestClinic.connect(base(), clinic.credential());
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        gateway.close();
    }
}
