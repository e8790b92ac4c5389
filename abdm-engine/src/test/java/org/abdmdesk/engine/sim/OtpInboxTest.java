package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OtpInboxTest {
    private final MemoryOtpInbox inbox = new MemoryOtpInbox();

    private static SentOtp otp(String mobile, String value) {
        return new SentOtp(mobile, value, SentOtp.LOGIN, Instant.parse("2026-03-02T05:30:00Z"));
    }

    @Test
    void awaitNextIgnoresWhatWasAlreadyThereAndWaitsForTheNextOne() throws Exception {
        inbox.deliver(otp("9876543210", "111111"));
        CompletableFuture<SentOtp> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return inbox.awaitNext("9876543210", Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!inbox.hasWaiters()) {
            assertThat(System.nanoTime()).as("waiter started").isLessThan(deadline);
            Thread.onSpinWait();
        }
        inbox.deliver(otp("9000000000", "222222"));
        inbox.deliver(otp("9876543210", "333333"));

        assertThat(waiting.get(10, TimeUnit.SECONDS).otp()).isEqualTo("333333");
    }

    @Test
    void awaitNextTimesOutWithAMaskedMessage() {
        inbox.deliver(otp("9876543210", "111111"));

        assertThatThrownBy(() -> inbox.awaitNext("9876543210", Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("******3210")
                .hasMessageNotContaining("9876543210");
    }

    @Test
    void latestForAllAndListeners() {
        List<SentOtp> heard = new CopyOnWriteArrayList<>();
        inbox.addListener(heard::add);
        inbox.addListener(o -> {
            throw new IllegalStateException("a broken listener must not stop delivery");
        });

        inbox.deliver(otp("9876543210", "111111"));
        inbox.deliver(otp("9876543210", "222222"));

        assertThat(inbox.latestFor("9876543210").orElseThrow().otp()).isEqualTo("222222");
        assertThat(inbox.latestFor("9000000000")).isEmpty();
        assertThat(inbox.all()).extracting(SentOtp::otp).containsExactly("111111", "222222");
        assertThat(heard).hasSize(2);
    }

    @Test
    void sentOtpToStringHidesTheOtpAndMobile() {
        assertThat(otp("9876543210", "123456").toString()).doesNotContain("123456").doesNotContain("9876543210")
                .contains("******3210");
    }
}
