package org.abdmdesk.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.abdmdesk.engine.outbox.Outbox;
import org.abdmdesk.engine.outbox.Outbox.State;
import org.abdmdesk.engine.outbox.OutboxEntry;
import org.abdmdesk.engine.outbox.OutboxMessage;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOutboxTest {
    static final Instant T0 = Instant.parse("2026-11-25T04:00:00Z");

    @TempDir
    Path folder;

    static OutboxMessage reply(String correlation, Instant createdAt) {
        return OutboxMessage.replyTo(correlation, "patient-share/v3/on-share", Map.of("X-HIP-ID", "IN3210000018"),
                "{\"response\":{\"requestId\":\"" + correlation + "\"}}", createdAt);
    }

    @Test
    void enqueuesOnceAndReadsBackExactlyAcrossAReopen() {
        Path file = folder.resolve("clinic.db");
        OutboxMessage message = reply("cb-1", T0);
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.outbox().enqueue(message)).isTrue();
            assertThat(store.outbox().enqueue(reply("cb-1", T0.plusSeconds(5)))).isFalse();
        }
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.outbox().find(message.id())).contains(OutboxEntry.fresh(message));
            assertThat(store.outbox().find(message.id()).orElseThrow().message().headers().get("x-hip-id"))
                    .isEqualTo("IN3210000018");
            assertThat(store.outbox().counts()).containsEntry(State.PENDING, 1).containsEntry(State.SENT, 0)
                    .containsEntry(State.DEAD, 0);
        }
    }

    @Test
    void dueListsPendingMessagesByNextAttemptUpToTheLimit() {
        try (LocalStore store = LocalStore.open(folder.resolve("clinic.db"))) {
            Outbox outbox = store.outbox();
            OutboxMessage a = reply("a", T0);
            OutboxMessage b = reply("b", T0.plusSeconds(1));
            OutboxMessage c = reply("c", T0.plusSeconds(2));
            outbox.enqueue(c);
            outbox.enqueue(a);
            outbox.enqueue(b);

            assertThat(outbox.due(T0.minusMillis(1), 10)).isEmpty();
            assertThat(outbox.due(T0.plusSeconds(1), 10)).extracting(e -> e.message().id())
                    .containsExactly(a.id(), b.id());
            assertThat(outbox.due(T0.plusSeconds(5), 2)).hasSize(2);
            assertThat(outbox.nextDueAt()).contains(T0);

            outbox.markAttemptFailed(a.id(), T0, T0.plusSeconds(10), "NETWORK: timed out");
            assertThat(outbox.due(T0.plusSeconds(5), 10)).extracting(e -> e.message().id())
                    .containsExactly(b.id(), c.id());
            assertThat(outbox.nextDueAt()).contains(T0.plusSeconds(1));
        }
    }

    @Test
    void aMessageGoesFromPendingToSentOrDeadAndThenStaysThere() {
        try (LocalStore store = LocalStore.open(folder.resolve("clinic.db"))) {
            Outbox outbox = store.outbox();
            OutboxMessage sent = reply("s", T0);
            OutboxMessage dead = reply("d", T0);
            outbox.enqueue(sent);
            outbox.enqueue(dead);

            outbox.markAttemptFailed(sent.id(), T0, T0.plusSeconds(2), "REJECTED HTTP 500: boom");
            outbox.markSent(sent.id(), "rid-2", T0.plusSeconds(2));
            outbox.markAttemptFailed(dead.id(), T0, T0, "REJECTED HTTP 400 ABDM-1030: no");
            outbox.markDead(dead.id(), "refused by ABDM: REJECTED HTTP 400 ABDM-1030: no");

            assertThat(outbox.find(sent.id()).orElseThrow()).isEqualTo(new OutboxEntry(sent, State.SENT, 2,
                    T0.plusSeconds(2), Optional.of("REJECTED HTTP 500: boom"), Optional.of(T0.plusSeconds(2)),
                    Optional.of("rid-2")));
            OutboxEntry deadEntry = outbox.find(dead.id()).orElseThrow();
            assertThat(deadEntry.state()).isEqualTo(State.DEAD);
            assertThat(deadEntry.attempts()).isEqualTo(1);
            assertThat(deadEntry.lastError()).contains("refused by ABDM: REJECTED HTTP 400 ABDM-1030: no");
            assertThat(outbox.due(T0.plusSeconds(60), 10)).isEmpty();
            assertThat(outbox.nextDueAt()).isEmpty();
            assertThat(outbox.counts()).containsEntry(State.PENDING, 0).containsEntry(State.SENT, 1)
                    .containsEntry(State.DEAD, 1);
            assertThatThrownBy(() -> outbox.markSent(dead.id(), "rid", T0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> outbox.markDead(sent.id(), "late")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> outbox.markDead("unknown", "x")).isInstanceOf(IllegalStateException.class);
        }
    }
}
