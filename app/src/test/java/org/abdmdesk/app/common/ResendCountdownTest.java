package org.abdmdesk.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.abdmdesk.app.support.ManualTicker;
import org.abdmdesk.app.support.MutableClock;
import org.junit.jupiter.api.Test;

class ResendCountdownTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final ManualTicker ticker = new ManualTicker();
    private final ResendCountdown countdown = new ResendCountdown(clock, ticker);

    @Test
    void resendStaysDisabledFor60SecondsWithTheSecondsLeftVisible() {
        countdown.otpSent();
        assertThat(countdown.secondsLeftProperty().get()).isEqualTo(60);
        assertThat(countdown.canResendProperty().get()).isFalse();

        clock.advance(Duration.ofSeconds(59));
        ticker.tick();
        assertThat(countdown.secondsLeftProperty().get()).isEqualTo(1);
        assertThat(countdown.canResendProperty().get()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        ticker.tick();
        assertThat(countdown.secondsLeftProperty().get()).isZero();
        assertThat(countdown.canResendProperty().get()).isTrue();
        assertThat(ticker.runningCount()).as("stops ticking once resend is possible").isZero();
    }

    @Test
    void atMostTwoResendsPerTransaction() {
        countdown.otpSent();
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofSeconds(60));
            ticker.tick();
            assertThat(countdown.canResendProperty().get()).isTrue();
            countdown.resent();
            assertThat(countdown.canResendProperty().get()).as("countdown restarts after a resend").isFalse();
        }
        clock.advance(Duration.ofSeconds(61));
        ticker.tick();
        assertThat(countdown.resendsLeftProperty().get()).isZero();
        assertThat(countdown.canResendProperty().get()).isFalse();
    }
}
