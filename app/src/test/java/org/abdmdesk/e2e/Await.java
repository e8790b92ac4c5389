package org.abdmdesk.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes (then fails with what was last seen). */
final class Await {
    private Await() {
    }

    static void until(Duration deadline, BooleanSupplier condition, Supplier<?> whatWasSeen)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline + ": " + whatWasSeen.get());
            }
            Thread.sleep(50);
        }
    }
}
