package org.abdmdesk.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.testing.RelayFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded, seeded fuzz run over raw sockets: 400 requests, each broken in at least one way (method,
 * path, token, routing, body, declared length, header line). Every answer must be a 4xx (or the relay
 * closes a connection whose bytes are not HTTP); nothing is stored; the relay keeps serving.
 */
class MalformedRequestFuzzTest {
    private static final int REQUESTS = 400;
    private static final long SEED = 20261125L;
    @TempDir
    Path tmp;
    private RelayFixture f;

    @BeforeEach
    void start() throws Exception {
        f = RelayFixture.start(tmp, c -> c
                .withLimits(new RelayConfig.Limits(4096, 8192))
                .withListen(new RelayConfig.Listen("127.0.0.1", 0, Duration.ofMillis(700))));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void malformedRequestsGetOnly4xxNothingIsStoredAndTheRelayKeepsServing() throws Exception {
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int closed = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Case c = Case.random(random, f.gateway.token());
            int status = exchange(c.bytes());
            if (status < 0) {
                closed++;
            } else {
                statuses.merge(status, 1, Integer::sum);
                if (status < 400 || status > 499) {
                    wrong.add(status + " for " + c.description());
                }
            }
        }

        assertThat(wrong).as("answers outside 4xx").isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum())
                .as("most requests get an HTTP answer (%s; %d closed)", statuses, closed)
                .isGreaterThan(REQUESTS / 2);
        assertThat(f.storedRows(f.a.id()) + f.storedRows(f.b.id())).as("nothing stored").isZero();
        assertThat(f.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(f.callback("IN-HIP-A", "{\"intent\":\"PROFILE_SHARE\"}").statusCode()).isEqualTo(202);
        assertThat(f.storedRows(f.a.id())).isEqualTo(1);
    }

    /** Sends raw bytes and reads the status code; -1 if the relay closed the connection without one. */
    private int exchange(byte[] request) throws IOException {
        try (Socket s = new Socket(f.base().getHost(), f.base().getPort())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException refusedMidBody) {
                // The relay may stop reading an over-long body and close; read whatever it answered.
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try {
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    head.write(b);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                return -1;
            }
            String line = head.toString(StandardCharsets.ISO_8859_1);
            if (!line.startsWith("HTTP/1.")) {
                return -1;
            }
            return Integer.parseInt(line.split(" ")[1]);
        }
    }

    /** One malformed request; at least one of its parts is broken. */
    private record Case(String method, String path, String auth, String routing, String contentLength, byte[] body,
            String extraHeader) {
        private static final String[] METHODS = {"POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO"};
        private static final String[] PATHS = {"/api/v3/hip/patient/share", "/api/v3/", "/api/v3/hiu/x/y/z",
            "/push/", "/push/not-a-registered-token-0123456789abcdefghijklmnop", "/ws", "/", "/api/v2/old",
            "/api/v3/hip/patient/share?x=%00%ff", "/../../etc/passwd", "/api/v3/" + "a".repeat(3000)};

        static Case random(Random r, String validToken) {
            String method = r.nextInt(3) == 0 ? METHODS[r.nextInt(METHODS.length)] : "POST";
            String path = PATHS[r.nextInt(PATHS.length)];
            String auth = switch (r.nextInt(6)) {
                case 0 -> null;
                case 1 -> "Bearer";
                case 2 -> "Bearer " + randomAscii(r, 1 + r.nextInt(200));
                case 3 -> "Basic dXNlcjpwYXNz";
                case 4 -> "Bearer " + validToken.substring(0, validToken.length() - 3) + "abc";
                default -> "Bearer " + validToken;
            };
            String routing = switch (r.nextInt(4)) {
                case 0 -> null;
                case 1 -> "X-HIP-ID: unknown-hip";
                case 2 -> "X-HIU-ID: IN-HIU-A";
                default -> "X-HIP-ID: IN-HIP-A";
            };
            byte[] body = switch (r.nextInt(7)) {
                case 0 -> new byte[0];
                case 1 -> "{\"intent\":\"PROFILE_SHARE\"".getBytes(StandardCharsets.UTF_8);
                case 2 -> "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
                case 3 -> randomBytes(r, 1 + r.nextInt(2000));
                case 4 -> ("{\"pad\":\"" + "x".repeat(6000) + "\"}").getBytes(StandardCharsets.UTF_8);
                case 5 -> "not json at all".getBytes(StandardCharsets.UTF_8);
                default -> "{\"a\":".getBytes(StandardCharsets.UTF_8);
            };
            String contentLength = switch (r.nextInt(6)) {
                case 0 -> null;
                case 1 -> "-5";
                case 2 -> "99999999999";
                case 3 -> "abc";
                default -> Integer.toString(body.length);
            };
            String extra = switch (r.nextInt(6)) {
                case 0 -> "X-Junk: " + "y".repeat(r.nextInt(20_000));
                case 1 -> "Broken header line without colon";
                default -> null;
            };
            return new Case(method, path, auth, routing, contentLength, body, extra);
        }

        byte[] bytes() {
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    .append("Connection: close\r\nContent-Type: application/json\r\n")
                    .append("REQUEST-ID: 5f7a1c2e-8d3b-4f6a-9e0c-1b2d3e4f5a6b\r\n");
            if (auth != null) {
                head.append("Authorization: ").append(auth).append("\r\n");
            }
            if (routing != null) {
                head.append(routing).append("\r\n");
            }
            if (contentLength != null) {
                head.append("Content-Length: ").append(contentLength).append("\r\n");
            }
            if (extraHeader != null) {
                head.append(extraHeader).append("\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return all;
        }

        String description() {
            return method + " " + (path.length() > 60 ? path.substring(0, 60) + "..." : path) + " auth="
                    + (auth == null ? "none" : auth.length() > 20 ? auth.substring(0, 20) + "..." : auth)
                    + " routing=" + routing + " length=" + contentLength + " body=" + body.length + "B extra="
                    + (extraHeader == null ? "none" : extraHeader.substring(0, Math.min(20, extraHeader.length())));
        }

        private static String randomAscii(Random r, int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append((char) (33 + r.nextInt(94)));
            }
            return sb.toString();
        }

        private static byte[] randomBytes(Random r, int n) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return b;
        }
    }
}
