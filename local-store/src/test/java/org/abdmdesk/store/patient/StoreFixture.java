package org.abdmdesk.store.patient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.abdmdesk.store.db.Database;

/** A real SQLite file and a clock that moves one second per reading, so "newest first" is testable. */
final class StoreFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-01T09:00:00.123456789Z");

    final Database database;
    final SteppingClock clock = new SteppingClock();
    final SqlitePatientRepository patients;

    StoreFixture(Path folder) {
        database = Database.open(folder.resolve("store.db"));
        patients = new SqlitePatientRepository(database, clock);
    }

    @Override
    public void close() {
        database.close();
    }

    static final class SteppingClock extends Clock {
        private final AtomicLong ticks = new AtomicLong();

        @Override
        public Instant instant() {
            return START.plus(Duration.ofSeconds(ticks.getAndIncrement()));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
