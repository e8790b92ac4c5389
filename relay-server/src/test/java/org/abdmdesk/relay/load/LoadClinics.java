package org.abdmdesk.relay.load;

import java.io.BufferedWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Load harness, the clinics' process: holds one WebSocket per clinic (Jetty WebSocket client), acks every
 * {@code deliver} at once and time-stamps its arrival (wall clock, microseconds: the gateway process uses the same
 * clock on this machine). Prints {@code connected N} when all are welcomed, then runs until {@code --expect}
 * deliveries arrived, {@code --stop-file} appears, or {@code --seconds} pass; writes {@code arrivals.tsv}
 * (clinic index, seq, epoch micros).
 */
public final class LoadClinics {
    private final long[] clinicOf;
    private final long[] seqOf;
    private final long[] atMicros;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger welcomed = new AtomicInteger();
    private final CountDownLatch expected;

    private LoadClinics(int capacity, int expect) {
        clinicOf = new long[capacity];
        seqOf = new long[capacity];
        atMicros = new long[capacity];
        expected = new CountDownLatch(Math.max(expect, 1));
    }

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        Path work = Path.of(a.text("work"));
        URI relay = URI.create(a.text("relay"));
        int expect = a.integer("expect", 0);
        Duration limit = Duration.ofSeconds(a.integer("seconds", 120));
        Path stopFile = Path.of(a.text("stop-file", work.resolve("stop-clinics").toString()));
        List<LoadClinic> clinics = LoadClinic.read(work, a.integer("clinics", 1_000));
        LoadClinics run = new LoadClinics(Math.max(expect * 2, 1_024), expect);

        HttpClient http = new HttpClient();
        http.setMaxConnectionsPerDestination(clinics.size() + 100);
        WebSocketClient client = new WebSocketClient(http);
        client.setIdleTimeout(Duration.ofMinutes(5));
        client.start();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            long connecting = System.nanoTime();
            run.connectAll(client, relay, clinics);
            while (run.welcomed.get() < clinics.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.printf("connected %d of %d in %d ms%n", run.welcomed.get(), clinics.size(),
                    (System.nanoTime() - connecting) / 1_000_000);
            System.out.flush();
            while (System.nanoTime() < deadline && !Files.exists(stopFile)) {
                if (expect > 0 && run.expected.await(100, TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (expect == 0) {
                    Thread.sleep(100);
                }
            }
            System.out.printf("arrivals %d (expected %d), %s%n", run.arrivals.get(), expect, cpuUsed());
            run.write(work.resolve("arrivals.tsv"));
        } finally {
            client.stop();
        }
    }

    /** This process's CPU time so far, for telling the load generators' share from the relay's. */
    static String cpuUsed() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return String.format("process CPU %.1f s", os.getProcessCpuTime() / 1e9);
    }

    private void connectAll(WebSocketClient client, URI relay, List<LoadClinic> clinics) throws Exception {
        URI ws = URI.create(relay.toString().replaceFirst("^http", "ws") + "/ws");
        Semaphore opening = new Semaphore(200);
        for (LoadClinic clinic : clinics) {
            opening.acquire();
            ClientUpgradeRequest request = new ClientUpgradeRequest();
            request.setHeader("Authorization", "Bearer " + clinic.credential());
            client.connect(new Link(clinic.index()), ws, request).whenComplete((s, e) -> {
                opening.release();
                if (e != null) {
                    System.err.println("clinic " + clinic.index() + " failed to connect: " + e);
                }
            });
        }
    }

    private void arrived(int clinic, long seq) {
        Instant now = Instant.now();
        int i = arrivals.getAndIncrement();
        if (i < atMicros.length) {
            clinicOf[i] = clinic;
            seqOf[i] = seq;
            atMicros[i] = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        }
        expected.countDown();
    }

    private void write(Path file) throws Exception {
        int n = Math.min(arrivals.get(), atMicros.length);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                out.write(clinicOf[i] + "\t" + seqOf[i] + "\t" + atMicros[i] + "\n");
            }
        }
    }

    /** One clinic's socket: records and acks deliveries; counts the welcome (public: Jetty calls it reflectively). */
    public final class Link implements Session.Listener.AutoDemanding {
        private final int clinic;
        private volatile Session session;

        Link(int clinic) {
            this.clinic = clinic;
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
        }

        @Override
        public void onWebSocketText(String frame) {
            if (frame.startsWith("{\"type\":\"deliver\"")) {
                long seq = seqOf(frame);
                arrived(clinic, seq);
                session.sendText("{\"type\":\"ack\",\"seq\":" + seq + "}", Callback.NOOP);
            } else if (frame.startsWith("{\"type\":\"welcome\"")) {
                welcomed.incrementAndGet();
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            if (statusCode != 1000 && statusCode != 1001 && statusCode != 1006) {
                System.err.println("clinic " + clinic + " closed: " + statusCode + " " + reason);
            }
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // a socket closed at the end of the run; failures to connect are reported by connectAll
        }

        private static long seqOf(String frame) {
            int start = frame.indexOf("\"seq\":") + 6;
            int end = start;
            while (Character.isDigit(frame.charAt(end))) {
                end++;
            }
            return Long.parseLong(frame, start, end, 10);
        }
    }
}
