package org.abdmdesk.engine.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-memory {@link OtpInbox}: a list guarded by a lock, with a condition for waiters. */
final class MemoryOtpInbox implements OtpInbox {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryOtpInbox.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<SentOtp> sent = new ArrayList<>();
    private final List<Consumer<SentOtp>> listeners = new CopyOnWriteArrayList<>();

    void deliver(SentOtp otp) {
        lock.lock();
        try {
            sent.add(otp);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.debug("OTP sent to {} for {}", otp.maskedMobile(), otp.purpose());
        for (Consumer<SentOtp> listener : listeners) {
            try {
                listener.accept(otp);
            } catch (RuntimeException e) {
                LOG.warn("OTP listener failed: {}", Failures.describe(e));
            }
        }
    }

    @Override
    public List<SentOtp> all() {
        lock.lock();
        try {
            return List.copyOf(sent);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<SentOtp> latestFor(String mobileTenDigits) {
        lock.lock();
        try {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i).mobile().equals(mobileTenDigits)) {
                    return Optional.of(sent.get(i));
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SentOtp awaitNext(String mobileTenDigits, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            int seen = sent.size();
            while (true) {
                for (int i = seen; i < sent.size(); i++) {
                    if (sent.get(i).mobile().equals(mobileTenDigits)) {
                        return sent.get(i);
                    }
                }
                seen = sent.size();
                if (remaining <= 0) {
                    throw new IllegalStateException("no OTP for " + Masks.mobile(mobileTenDigits) + " within " + timeout);
                }
                remaining = arrived.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether some thread is inside {@link #awaitNext} right now (lets tests avoid racing it). */
    boolean hasWaiters() {
        lock.lock();
        try {
            return lock.hasWaiters(arrived);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addListener(Consumer<SentOtp> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener));
    }
}
