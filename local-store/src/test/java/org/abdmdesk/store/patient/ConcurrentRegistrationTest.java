package org.abdmdesk.store.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.abdmdesk.engine.patient.AbhaAlreadyTaggedException;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientRepository;
import java.time.Clock;
import org.abdmdesk.store.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentRegistrationTest {
    @TempDir
    Path folder;

    @Test
    void twoThreadsRegisteringFiftyEachGetAHundredUniqueSequentialMrns() throws Exception {
        try (StoreFixture store = new StoreFixture(folder)) {
            List<String> mrns = runTogether(
                    () -> registerMany(store.patients, "Left", 50),
                    () -> registerMany(store.patients, "Right", 50));

            assertThat(mrns).hasSize(100).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.rangeClosed(1, 100).mapToObj(i -> String.format("MRN-%06d", i)).toList());
            assertThat(store.patients.search("", 1000)).hasSize(100);
        }
    }

    @Test
    void twoConnectionsToOneFileNeverTagOneAbhaTwice() throws Exception {
        // Two stores on one file behave like two app instances: SQLite's locking must serialize them.
        try (Database first = Database.open(folder.resolve("shared.db"));
                Database second = Database.open(folder.resolve("shared.db"))) {
            List<String> outcomes = runTogether(
                    () -> tryRegisterSameAbha(new SqlitePatientRepository(first, Clock.systemUTC()), 20),
                    () -> tryRegisterSameAbha(new SqlitePatientRepository(second, Clock.systemUTC()), 20));

            assertThat(outcomes).filteredOn(o -> o.startsWith("MRN-")).hasSize(20).doesNotHaveDuplicates();
            assertThat(outcomes).filteredOn(o -> o.equals("refused")).hasSize(20);
        }
    }

    /** Registers ABHA number i for i in 0..count-1; per number exactly one of the two callers wins. */
    private static List<String> tryRegisterSameAbha(PatientRepository patients, int count) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String abha = String.format("91%012d", i);
            try {
                outcomes.add(patients.register(Patients.withAbha("Twin " + i, abha)).mrn());
            } catch (AbhaAlreadyTaggedException e) {
                outcomes.add("refused");
            }
        }
        return outcomes;
    }

    private static List<String> registerMany(PatientRepository patients, String prefix,
            int count) throws AbhaAlreadyTaggedException {
        List<String> mrns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Patient p = patients.register(Patients.named(prefix + " " + i));
            mrns.add(p.mrn());
        }
        return mrns;
    }

    @SafeVarargs
    private static List<String> runTogether(Callable<List<String>>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (Callable<List<String>> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
