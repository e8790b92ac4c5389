package org.abdmdesk.store.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.callback.InboundStore;
import org.abdmdesk.engine.callback.InboundStore.State;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteInboundStoreTest {
    static final Instant NOW = Instant.parse("2026-11-25T04:00:05Z");
    static final String SHARE = "/api/v3/hip/patient/share";

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("clinic.db");
    }

    private LocalStore open() {
        return LocalStore.open(file(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static InboundCallback callback(String requestId, long seq, String body) {
        return new InboundCallback(requestId, SHARE, Map.of("REQUEST-ID", requestId, "X-HIP-ID", "IN3210000018"),
                body, Instant.parse("2026-11-25T04:00:00.123Z"), seq);
    }

    @Test
    void storesOncePerRequestIdAndReadsBackExactlyAcrossAReopen() {
        InboundCallback first = callback("req-1", 1, "{\"intent\":\"PROFILE_SHARE\"}");
        try (LocalStore store = open()) {
            assertThat(store.inbound().storeIfNew(first)).isTrue();
            assertThat(store.inbound().storeIfNew(callback("req-1", 9, "{\"changed\":true}"))).isFalse();
            assertThat(store.inbound().storeIfNew(callback("req-2", 2, "{}"))).isTrue();
        }
        try (LocalStore store = open()) {
            assertThat(store.inbound().storeIfNew(callback("req-1", 1, "{}"))).isFalse();
            assertThat(store.inbound().pending()).extracting(InboundCallback::requestId).containsExactly("req-1", "req-2");
            InboundCallback read = store.inbound().pending().getFirst();
            assertThat(read).isEqualTo(first);
            assertThat(read.header("x-hip-id")).contains("IN3210000018");
            assertThat(store.inbound().counts()).containsEntry(State.RECEIVED, 2).containsEntry(State.HANDLED, 0)
                    .containsEntry(State.FAILED, 0);
        }
    }

    @Test
    void handledAndFailedCallbacksLeavePendingButStay() throws SQLException {
        try (LocalStore store = open()) {
            InboundStore inbound = store.inbound();
            inbound.storeIfNew(callback("ok", 1, "{}"));
            inbound.storeIfNew(callback("bad", 2, "{}"));
            inbound.storeIfNew(callback("later", 3, "{}"));

            inbound.markHandled("ok");
            inbound.markFailed("bad", "no handler for path /api/v3/x");

            assertThat(inbound.pending()).extracting(InboundCallback::requestId).containsExactly("later");
            assertThat(inbound.counts()).containsEntry(State.RECEIVED, 1).containsEntry(State.HANDLED, 1)
                    .containsEntry(State.FAILED, 1);
            assertThat(inbound.storeIfNew(callback("ok", 1, "{}"))).isFalse();
            assertThatThrownBy(() -> inbound.markHandled("nobody")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(row("ok")).containsExactly("HANDLED", null, "2026-11-25T04:00:05.000000000Z",
                "2026-11-25T04:00:05.000000000Z");
        assertThat(row("bad")).containsExactly("FAILED", "no handler for path /api/v3/x",
                "2026-11-25T04:00:05.000000000Z", "2026-11-25T04:00:05.000000000Z");
        assertThat(row("later")).containsExactly("RECEIVED", null, null, "2026-11-25T04:00:05.000000000Z");
    }

    private String[] row(String requestId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement s = c.prepareStatement(
                        "SELECT state, failure, handled_at, stored_at FROM inbound_callback WHERE request_id = ?")) {
            s.setString(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
            }
        }
    }
}
