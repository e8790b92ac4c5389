package org.abdmdesk.store.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.abdmdesk.store.StoreException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one SQLite connection of a {@code LocalStore}, shared by its repositories. Internal to the
 * store: the app uses {@code LocalStore}, never this class.
 *
 * <p>Threads: every call takes a fair lock, so work is serialized on the single connection, which is
 * plenty for one front desk and avoids SQLite's writer contention inside one process. Write work runs
 * in a {@code BEGIN IMMEDIATE} transaction, so a check-then-insert is atomic even when a second
 * process has the same file open ({@code busy_timeout} makes that process wait, not fail).
 *
 * <p>Every connection runs with {@code journal_mode=WAL}, {@code foreign_keys=ON},
 * {@code busy_timeout} and {@code secure_delete=ON} (deleted patient data is overwritten on disk).
 * {@code synchronous} stays at SQLite's default FULL: a committed registration survives a power cut.
 */
public final class Database implements AutoCloseable {
    static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private boolean closed;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) {@code file}, whose folder must exist, and migrates it to the newest schema. */
    public static Database open(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config());
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            Migrations.apply(dataSource);
            Connection connection = dataSource.getConnection();
            return new Database(file, connection);
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("Cannot open the local store at " + file, e);
        }
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    public Path file() {
        return file;
    }

    /** Runs read-only (or single-statement) work in auto-commit mode. */
    public <T, X extends Exception> T read(SqlWork<T, X> work) throws X {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Reading the local store failed", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in one immediate transaction: committed if it returns, rolled back if it
     * throws anything (its own exception {@code X} is then rethrown as is).
     */
    public <T, X extends Exception> T inTransaction(SqlWork<T, X> work) throws X {
        lock.lock();
        try {
            ensureOpen();
            if (!connection.getAutoCommit()) {
                throw new IllegalStateException("transactions do not nest");
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Exception | Error e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Writing to the local store failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** Whether SQLite refused a statement because of a UNIQUE or PRIMARY KEY constraint. */
    public static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return false;
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the local store is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Closing the local store failed", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Database[" + Objects.toString(file) + "]";
    }
}
