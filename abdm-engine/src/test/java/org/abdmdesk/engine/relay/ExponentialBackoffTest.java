package org.abdmdesk.engine.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {
    @Test
    void doublesFromOneSecondToTheSixtySecondCap() {
        ExponentialBackoff noJitter = new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(noJitter::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(noJitter.delay(Backoff.LONGEST)).isEqualTo(Duration.ofSeconds(60));
        assertThat(noJitter.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterShortensByAtMostAFifthAndNeverExceedsTheCap() {
        ExponentialBackoff most = new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999999);

        assertThat(most.delay(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(801));
        assertThat(most.delay(10)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(60));
        assertThat(ExponentialBackoff.standard().delay(20)).isLessThanOrEqualTo(Duration.ofSeconds(60))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(48));
    }
}
