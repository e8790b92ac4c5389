package org.abdmdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Objects;
import org.abdmdesk.engine.abha.EnrolmentConsentLog;
import org.abdmdesk.engine.callback.InboundStore;
import org.abdmdesk.engine.outbox.Outbox;
import org.abdmdesk.engine.patient.PatientRepository;
import org.abdmdesk.engine.share.ShareTokens;
import org.abdmdesk.store.consent.SqliteEnrolmentConsentLog;
import org.abdmdesk.store.db.Database;
import org.abdmdesk.store.inbox.SqliteInboundStore;
import org.abdmdesk.store.outbox.SqliteOutbox;
import org.abdmdesk.store.patient.SqlitePatientRepository;
import org.abdmdesk.store.share.SqliteShareTokens;

/**
 * The workstation's local store: one SQLite file holding the clinic's patients and the records the
 * engine must keep (enrolment consents, callbacks from the relay, the outbox of replies to ABDM, ...).
 * Open it once at start-up, hand its repositories to the engine and the view models, and close it on exit.
 *
 * <p>{@link #open(Path)} creates the folder and the file if needed and migrates the schema, so a
 * fresh install and an upgrade take the same path. The store and its repositories are safe to use
 * from several threads: all work is serialized on a single connection (writes in immediate
 * transactions), which is fast enough for a front desk and keeps SQLite's locking out of the app.
 *
 * <p>What is stored: demographics, ABHA number and addresses, consents, callbacks and replies (whose
 * bodies may hold patient data, protected like the patient table). Never an Aadhaar number, an OTP or
 * a token (a test scans the schema for that).
 */
public final class LocalStore implements AutoCloseable {
    /** The database file name inside {@link #defaultDataDirectory()}. */
    public static final String DATABASE_FILE_NAME = "abdm-desk.db";

    private final Database database;
    private final SqlitePatientRepository patients;
    private final SqliteEnrolmentConsentLog enrolmentConsents;
    private final SqliteInboundStore inbound;
    private final SqliteOutbox outbox;
    private final SqliteShareTokens shareTokens;

    private LocalStore(Database database, Clock clock) {
        this.database = database;
        this.patients = new SqlitePatientRepository(database, clock);
        this.enrolmentConsents = new SqliteEnrolmentConsentLog(database);
        this.inbound = new SqliteInboundStore(database, clock);
        this.outbox = new SqliteOutbox(database);
        this.shareTokens = new SqliteShareTokens(database);
    }

    /** Opens (or creates) the store at {@code databaseFile}, stamping records with the system clock in UTC. */
    public static LocalStore open(Path databaseFile) {
        return open(databaseFile, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps {@code createdAt}/{@code updatedAt} (tests pass a fixed one). */
    public static LocalStore open(Path databaseFile, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Path file = databaseFile.toAbsolutePath();
        createParentFolders(file);
        return new LocalStore(Database.open(file), clock);
    }

    /**
     * The per-user data folder: {@code %LOCALAPPDATA%\AbdmDesk} on Windows,
     * {@code ~/Library/Application Support/AbdmDesk} on macOS, otherwise {@code $XDG_DATA_HOME/abdm-desk}
     * or {@code ~/.local/share/abdm-desk}. The system property {@code abdmdesk.data.dir} overrides it
     * (demo runs, tests, a clinic that wants the data elsewhere). Nothing is created here.
     */
    public static Path defaultDataDirectory() {
        return DataDirectory.resolve(System::getProperty, System::getenv);
    }

    /** {@link #defaultDataDirectory()} + {@value #DATABASE_FILE_NAME}. */
    public static Path defaultDatabaseFile() {
        return defaultDataDirectory().resolve(DATABASE_FILE_NAME);
    }

    public PatientRepository patients() {
        return patients;
    }

    public EnrolmentConsentLog enrolmentConsents() {
        return enrolmentConsents;
    }

    /** Callbacks delivered by the relay: stored before they are acknowledged, then handled by the dispatcher. */
    public InboundStore inbound() {
        return inbound;
    }

    /** Messages waiting to reach ABDM (replies to callbacks), for the {@code OutboxSender}. */
    public Outbox outbox() {
        return outbox;
    }

    /** Scan-and-share queue tokens, per counter per day, for the {@code ProfileShareHandler} and the queue screen. */
    public ShareTokens shareTokens() {
        return shareTokens;
    }

    /** The absolute path of the SQLite file (SQLite keeps {@code -wal} and {@code -shm} files beside it). */
    public Path databaseFile() {
        return database.file();
    }

    /** Closes the connection; later calls on the repositories fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        database.close();
    }

    private static void createParentFolders(Path file) {
        Path folder = file.getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        try {
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // Patient data: folders we create are readable by this user only.
                Files.createDirectories(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + folder, e);
        }
    }
}
