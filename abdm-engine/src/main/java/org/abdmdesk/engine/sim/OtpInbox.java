package org.abdmdesk.engine.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulated patients' phones: every OTP the simulator "sent by SMS". Tests read OTPs from here
 * instead of guessing; the demo's "patient phone" window listens to it. Thread-safe.
 */
public interface OtpInbox {

    /** Every OTP sent so far, oldest first. */
    List<SentOtp> all();

    /** The most recent OTP sent to this 10-digit mobile, if any. */
    Optional<SentOtp> latestFor(String mobileTenDigits);

    /**
     * Waits for an OTP to this mobile that arrives after this call began.
     *
     * @throws IllegalStateException if none arrives within {@code timeout}
     */
    SentOtp awaitNext(String mobileTenDigits, Duration timeout) throws InterruptedException;

    /** Called on the simulator's request thread for each OTP sent; keep it quick. */
    void addListener(Consumer<SentOtp> listener);
}
