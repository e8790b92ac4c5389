package org.abdmdesk.relay.seal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reuses one ephemeral key per clinic for at most {@link #MAX_AGE} and {@link #MAX_USES} messages, so a busy
 * clinic costs one X25519 key pair and agreement per batch of messages instead of two X25519 operations each.
 * The envelope format is unchanged (each message still names its ephemeral public key and has its own random
 * 96-bit nonce; at most {@link #MAX_USES} nonces per AES key keeps nonce collisions negligible). What it changes:
 * for up to {@link #MAX_AGE} the relay holds, in memory only and never on disk, an AES key that would open that
 * clinic's messages sealed in the same period; the relay saw those plaintexts anyway. After that the key is
 * dropped and nothing the relay keeps can open them.
 */
final class EphemeralKeys {
    /** How long one ephemeral key is used for a clinic. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** How many messages one ephemeral key seals at most. */
    static final int MAX_USES = 1_000;
    private static final int CAPACITY = 50_000;

    private record Entry(Sealer.SealingKey key, long createdNanos, AtomicInteger uses) {
        boolean usable(long now) {
            return now - createdNanos < MAX_AGE.toNanos() && uses.incrementAndGet() <= MAX_USES;
        }
    }

    private final ConcurrentHashMap<ByteBuffer, Entry> byClinicKey = new ConcurrentHashMap<>();
    private final Function<byte[], Sealer.SealingKey> fresh;

    EphemeralKeys(Function<byte[], Sealer.SealingKey> fresh) {
        this.fresh = fresh;
    }

    /** The current sealing key for this clinic public key, making a new one when due. */
    Sealer.SealingKey keyFor(byte[] clinicPublicKey) {
        ByteBuffer id = ByteBuffer.wrap(clinicPublicKey.clone());
        long now = System.nanoTime();
        Entry entry = byClinicKey.get(id);
        if (entry != null && entry.usable(now)) {
            return entry.key();
        }
        Entry next = new Entry(fresh.apply(clinicPublicKey), now, new AtomicInteger(1));
        if (byClinicKey.size() >= CAPACITY) {
            byClinicKey.clear();
        }
        byClinicKey.put(id, next);
        return next.key();
    }
}
