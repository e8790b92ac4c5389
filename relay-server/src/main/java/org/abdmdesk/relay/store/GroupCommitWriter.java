package org.abdmdesk.relay.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes the relay's tables while serving. It takes whatever operations are queued,
 * applies them in ONE transaction, commits (fsync), and only then completes each operation's future: many
 * requests share one fsync (group commit), and no request hears "stored" before its row is durable.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 512;

    /** One queued write; {@link #apply} runs inside the batch transaction, {@link #done} after commit. */
    interface Op {
        void apply(Tx tx) throws SQLException;

        void done();

        void failed(Throwable error);
    }

    private static final Op STOP = new Op() {
        @Override
        public void apply(Tx tx) {
        }

        @Override
        public void done() {
        }

        @Override
        public void failed(Throwable error) {
        }
    };

    private final Connection connection;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Tx tx;
    private final Thread thread;
    private final Consumer<List<StoredMessage>> onCommitted;
    private volatile boolean closed;

    GroupCommitWriter(Connection connection, Consumer<List<StoredMessage>> onCommitted) throws SQLException {
        this.connection = connection;
        this.onCommitted = onCommitted;
        this.tx = new Tx(connection);
        this.thread = Thread.ofPlatform().name("relay-store-writer").daemon(false).unstarted(this::run);
        thread.start();
    }

    void submit(Op op) {
        if (closed) {
            op.failed(new StoreException("the store is closed", null));
            return;
        }
        queue.add(op);
    }

    private void run() {
        List<Op> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
        }
        List<Op> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(op -> op.failed(new StoreException("the store is closed", null)));
    }

    private void commit(List<Op> batch) {
        tx.committed.clear();
        try {
            connection.setAutoCommit(false);
            for (Op op : batch) {
                op.apply(tx);
            }
            tx.flushSeqs();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.error("store batch of {} operations failed: {}", batch.size(), e.toString());
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                LOG.error("rollback failed: {}", rollback.toString());
            }
            tx.forgetSeqs();
            StoreException error = new StoreException("store write failed", e);
            batch.forEach(op -> op.failed(error));
            return;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the next batch reports it
            }
        }
        for (Op op : batch) {
            try {
                op.done();
            } catch (RuntimeException e) {
                LOG.error("store completion failed: {}", e.toString());
            }
        }
        if (!tx.committed.isEmpty()) {
            onCommitted.accept(List.copyOf(tx.committed));
        }
    }

    /** Stops after the operations already queued; waits for the thread. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the writer connection failed: {}", e.toString());
        }
    }

    /** The writer's statements; seqs are cached per clinic and written back once per batch. */
    static final class Tx {
        private final Connection connection;
        private final PreparedStatement insert;
        private final PreparedStatement delete;
        private final PreparedStatement nextSeq;
        private final PreparedStatement saveSeq;
        private final Map<String, Long> seqs = new HashMap<>();
        private final Map<String, Long> dirty = new HashMap<>();
        final List<StoredMessage> committed = new ArrayList<>();

        Tx(Connection connection) throws SQLException {
            this.connection = connection;
            insert = connection.prepareStatement(
                    "INSERT INTO messages(clinic_id, seq, kind, received_at, sealed) VALUES (?,?,?,?,?)");
            delete = connection.prepareStatement("DELETE FROM messages WHERE clinic_id = ? AND seq = ?");
            nextSeq = connection.prepareStatement("SELECT next_seq FROM clinics WHERE id = ? AND revoked_at IS NULL");
            saveSeq = connection.prepareStatement("UPDATE clinics SET next_seq = ? WHERE id = ?");
        }

        Connection connection() {
            return connection;
        }

        /** Inserts a message with the clinic's next seq; empty if the clinic is unknown or revoked. */
        java.util.Optional<StoredMessage> append(String clinicId, MessageKind kind, Instant receivedAt, byte[] sealed)
                throws SQLException {
            Long seq = seqs.get(clinicId);
            if (seq == null) {
                nextSeq.setString(1, clinicId);
                try (ResultSet rs = nextSeq.executeQuery()) {
                    if (!rs.next()) {
                        return java.util.Optional.empty();
                    }
                    seq = rs.getLong(1);
                }
            }
            insert.setString(1, clinicId);
            insert.setLong(2, seq);
            insert.setString(3, kind.wire());
            insert.setLong(4, receivedAt.toEpochMilli());
            insert.setBytes(5, sealed);
            insert.executeUpdate();
            seqs.put(clinicId, seq + 1);
            dirty.put(clinicId, seq + 1);
            StoredMessage message = new StoredMessage(clinicId, seq, kind, receivedAt, sealed);
            committed.add(message);
            return java.util.Optional.of(message);
        }

        void delete(String clinicId, long seq) throws SQLException {
            delete.setString(1, clinicId);
            delete.setLong(2, seq);
            delete.executeUpdate();
        }

        void flushSeqs() throws SQLException {
            for (Map.Entry<String, Long> e : dirty.entrySet()) {
                saveSeq.setLong(1, e.getValue());
                saveSeq.setString(2, e.getKey());
                saveSeq.executeUpdate();
            }
            dirty.clear();
        }

        void forgetSeqs() {
            seqs.clear();
            dirty.clear();
            committed.clear();
        }
    }
}
