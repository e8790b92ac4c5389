package org.abdmdesk.app.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The OTP resend rule (CRT_ABHA_106): Resend stays disabled for 60 s after each OTP, with the
 * seconds left visible, and at most {@code maxResends} resends per transaction. Time comes from
 * the injected {@link Clock}; the {@link Ticker} only says when to look at it again.
 */
public final class ResendCountdown {
    public static final Duration WAIT = Duration.ofSeconds(60);
    public static final int MAX_RESENDS = 2;

    private final Clock clock;
    private final Ticker ticker;
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(this, "secondsLeft");
    private final ReadOnlyIntegerWrapper resendsLeft = new ReadOnlyIntegerWrapper(this, "resendsLeft", MAX_RESENDS);
    private final ReadOnlyBooleanWrapper canResend = new ReadOnlyBooleanWrapper(this, "canResend");
    private Instant sentAt;
    private Runnable stopTicking = () -> { };

    public ResendCountdown(Clock clock, Ticker ticker) {
        this.clock = Objects.requireNonNull(clock);
        this.ticker = Objects.requireNonNull(ticker);
    }

    /** The first OTP of a transaction went out now. */
    public void otpSent() {
        resendsLeft.set(MAX_RESENDS);
        restart();
    }

    /** A resend went out now; uses one of the allowed resends. */
    public void resent() {
        resendsLeft.set(Math.max(0, resendsLeft.get() - 1));
        restart();
    }

    /** Looks at the clock again (the ticker calls this; tests may too). */
    public void refresh() {
        if (sentAt == null) {
            return;
        }
        long elapsed = Duration.between(sentAt, clock.instant()).toSeconds();
        int left = (int) Math.max(0, WAIT.toSeconds() - elapsed);
        secondsLeft.set(left);
        canResend.set(left == 0 && resendsLeft.get() > 0);
        if (left == 0) {
            stop();
        }
    }

    public void stop() {
        stopTicking.run();
        stopTicking = () -> { };
    }

    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty resendsLeftProperty() {
        return resendsLeft.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResendProperty() {
        return canResend.getReadOnlyProperty();
    }

    private void restart() {
        stop();
        sentAt = clock.instant();
        refresh();
        stopTicking = ticker.everySecond(this::refresh);
    }
}
