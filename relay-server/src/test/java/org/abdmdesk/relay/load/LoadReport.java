package org.abdmdesk.relay.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Load harness, the figures: joins {@code sent.tsv} (gateway) with {@code arrivals.tsv} (clinics) by (clinic, seq),
 * leaving out the warm-up, and prints callbacks/s durable end to end (answered 202 AND delivered to the clinic,
 * from the first measured send to the last such event) and p50/p99 of request sent → 202 and request sent →
 * delivered at the clinic.
 */
public final class LoadReport {
    private LoadReport() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(new LoadArgs(args).text("work"));
        Map<Long, Long> firstArrival = new HashMap<>();
        for (String line : Files.readAllLines(work.resolve("arrivals.tsv"))) {
            String[] f = line.split("\t");
            firstArrival.merge(key(Long.parseLong(f[0]), Long.parseLong(f[1])), Long.parseLong(f[2]), Math::min);
        }
        List<String[]> sent = Files.readAllLines(work.resolve("sent.tsv")).stream().map(l -> l.split("\t"))
                .filter(f -> f[6].equals("0")).toList();
        long[] toAccepted = new long[sent.size()];
        long[] toDelivered = new long[sent.size()];
        int accepted = 0;
        int durable = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String[] f : sent) {
            long sentAt = Long.parseLong(f[4]);
            first = Math.min(first, sentAt);
            if (!f[3].equals("202")) {
                continue;
            }
            long answered = Long.parseLong(f[5]);
            toAccepted[accepted++] = answered - sentAt;
            Long delivered = firstArrival.get(key(Long.parseLong(f[1]), Long.parseLong(f[2])));
            if (delivered != null) {
                toDelivered[durable++] = delivered - sentAt;
                last = Math.max(last, Math.max(answered, delivered));
            }
        }
        double seconds = (last - first) / 1e6;
        System.out.printf("measured callbacks %d, answered 202 %d, 202 AND delivered %d (%d not delivered)%n",
                sent.size(), accepted, durable, accepted - durable);
        System.out.printf("durable end-to-end throughput: %.0f callbacks/s over %.2f s%n", durable / seconds,
                seconds);
        System.out.printf("latency sent -> 202:       p50 %s ms, p99 %s ms, max %s ms%n",
                percentiles(toAccepted, accepted));
        System.out.printf("latency sent -> delivered: p50 %s ms, p99 %s ms, max %s ms%n",
                percentiles(toDelivered, durable));
    }

    private static long key(long clinic, long seq) {
        return clinic << 40 | seq;
    }

    private static Object[] percentiles(long[] micros, int n) {
        if (n == 0) {
            return new Object[] {"-", "-", "-"};
        }
        long[] sorted = Arrays.copyOf(micros, n);
        Arrays.sort(sorted);
        return new Object[] {ms(sorted[(int) Math.floor(0.50 * (n - 1))]), ms(sorted[(int) Math.floor(0.99 * (n - 1))]),
                ms(sorted[n - 1])};
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
