package org.abdmdesk.relay.load;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Load harness, ABDM's side: serves the gateway JWKS on {@code --jwks-port} (loopback) and sends {@code --warmup}
 * then {@code --callbacks} signed share callbacks (~700-byte bodies) with at most {@code --concurrency} in flight,
 * each to a random clinic that has none in flight. One in flight per clinic makes a clinic's k-th accepted callback
 * its relay seq k, which is how {@link LoadReport} matches deliveries to requests without opening them. Tokens:
 * {@code --tokens K} distinct JWTs, used in turn (default 1: the real gateway reuses its 20-minute token).
 * Writes {@code sent.tsv}: index, clinic, seq (0 unless 202), status, sent and answered epoch micros, warm-up flag.
 */
public final class LoadGateway {
    private static final String BODY = body();
    private static final String SHARE_PATH = "/api/v3/hip/patient/share";

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        Path work = Path.of(a.text("work"));
        URI relay = URI.create(a.text("relay"));
        int warmup = a.integer("warmup", 2_000);
        int measured = a.integer("callbacks", 20_000);
        int concurrency = a.integer("concurrency", 64);
        List<LoadClinic> clinics = LoadClinic.read(work, a.integer("clinics", 1_000));
        HttpServer jwks = serveJwks(Files.readString(work.resolve("jwks.json")), a.integer("jwks-port", 0));
        List<String> tokens = tokens(RSAKey.parse(Files.readString(work.resolve("gateway-jwk.json"))),
                a.integer("tokens", 1));

        int total = warmup + measured;
        Record[] records = new Record[total];
        AtomicIntegerArray busy = new AtomicIntegerArray(clinics.size());
        int[] acceptedPerClinic = new int[clinics.size()];
        AtomicInteger next = new AtomicInteger();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        List<Thread> workers = new ArrayList<>();
        long began = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                try (RawHttpConnection http = new RawHttpConnection(relay)) {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        int clinic = claim(busy);
                        Record r = new Record(clinic, i < warmup);
                        records[i] = r;
                        String[] headers = {
                            "Authorization: Bearer " + tokens.get(i % tokens.size()),
                            "REQUEST-ID: " + UUID.randomUUID(),
                            "TIMESTAMP: " + Instant.now(),
                            "X-HIP-ID: " + clinics.get(clinic).hipId(),
                            "X-CM-ID: sbx",
                            "Content-Type: application/json"};
                        r.sent = micros();
                        try {
                            r.status = http.post(SHARE_PATH, headers, body);
                        } catch (Exception e) {
                            r.status = -1;
                        }
                        r.answered = micros();
                        if (r.status == 202) {
                            r.seq = ++acceptedPerClinic[clinic];
                        }
                        busy.set(clinic, 0);
                    }
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        long ms = (System.nanoTime() - began) / 1_000_000;
        long ok = java.util.Arrays.stream(records).filter(r -> r.status == 202).count();
        System.out.printf("gateway: %d callbacks sent in %d ms, %d answered 202, JWKS fetched %d times, %s%n", total,
                ms, ok, JWKS_FETCHES.get(), LoadClinics.cpuUsed());
        try (BufferedWriter out = Files.newBufferedWriter(work.resolve("sent.tsv"))) {
            for (int i = 0; i < total; i++) {
                Record r = records[i];
                out.write(i + "\t" + r.clinic + "\t" + r.seq + "\t" + r.status + "\t" + r.sent + "\t" + r.answered
                        + "\t" + (r.warmup ? 1 : 0) + "\n");
            }
        }
        jwks.stop(0);
    }

    private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();

    /** One callback's fate; written by one worker, read after join. */
    private static final class Record {
        final int clinic;
        final boolean warmup;
        long seq;
        int status;
        long sent;
        long answered;

        Record(int clinic, boolean warmup) {
            this.clinic = clinic;
            this.warmup = warmup;
        }
    }

    private static int claim(AtomicIntegerArray busy) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            int clinic = random.nextInt(busy.length());
            if (busy.compareAndSet(clinic, 0, 1)) {
                return clinic;
            }
        }
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static HttpServer serveJwks(String json, int port) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/certs", exchange -> {
            JWKS_FETCHES.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static List<String> tokens(RSAKey key, int count) throws Exception {
        List<String> out = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("load-gateway").subject("gateway")
                    .audience("account").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(1200)))
                    .jwtID(UUID.randomUUID().toString()).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            out.add(jwt.serialize());
        }
        return out;
    }

    /** A share callback body of about 700 bytes (synthetic, no real patient data). */
    private static String body() {
        return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"2026-11-25T04:00:00.000Z\","
                + "\"intent\":\"PROFILE_SHARE\",\"metaData\":{\"hipId\":\"IN-LOAD\",\"context\":\"1\","
                + "\"hprId\":\"\",\"source\":\"COUNTER\"},\"profile\":{\"patient\":{\"abhaNumber\":\"00-0000-0000-0000\","
                + "\"abhaAddress\":\"load.test@sbx\",\"name\":\"Load Test Patient\",\"gender\":\"O\","
                + "\"dayOfBirth\":\"1\",\"monthOfBirth\":\"1\",\"yearOfBirth\":\"1990\",\"address\":{\"line\":"
                + "\"Synthetic address line for load testing only\",\"district\":\"Load\",\"state\":\"Test\","
                + "\"pincode\":\"000000\"},\"phoneNumber\":\"0000000000\"}},\"padding\":\""
                + "x".repeat(260) + "\"}";
    }
}
