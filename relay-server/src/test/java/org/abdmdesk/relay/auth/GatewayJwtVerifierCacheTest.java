package org.abdmdesk.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.abdmdesk.relay.testing.FakeGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remembering verified tokens must never extend a token's life or let a changed token through. */
class GatewayJwtVerifierCacheTest {
    private static final Duration SKEW = Duration.ofSeconds(60);
    private final MovableClock clock = new MovableClock(Instant.now());
    private FakeGateway gateway;
    private GatewayJwtVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway();
        JwksKeys keys = new JwksKeys(gateway.jwksUrl(), Duration.ofHours(1), Duration.ofMinutes(5),
                Duration.ofSeconds(5), clock);
        verifier = new GatewayJwtVerifier(keys, "account", SKEW, clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private String tokenExpiringIn(Duration life) {
        return FakeGateway.sign(gateway.key(), FakeGateway.claims(List.of("account"), clock.instant().plus(life)));
    }

    @Test
    void aRememberedTokenStillExpires() {
        String token = tokenExpiringIn(Duration.ofMinutes(2));
        assertThat(verifier.verify("Bearer " + token)).isEmpty();
        assertThat(verifier.verify("Bearer " + token)).as("again, from the cache").isEmpty();

        clock.advance(Duration.ofMinutes(2).plus(SKEW).plusSeconds(1));

        assertThat(verifier.verify("Bearer " + token)).hasValue(GatewayJwtVerifier.Rejection.EXPIRED);
    }

    @Test
    void aRememberedTokenIsCheckedAgainAfterTheMaximumCacheAge() {
        String token = tokenExpiringIn(Duration.ofHours(2));
        assertThat(verifier.verify("Bearer " + token)).isEmpty();

        clock.advance(GatewayJwtVerifier.MAX_CACHE_AGE.plusSeconds(1));

        assertThat(verifier.verify("Bearer " + token)).as("verified again, still valid").isEmpty();
    }

    @Test
    void aTokenDifferingFromARememberedOneIsVerifiedAfresh() {
        String token = tokenExpiringIn(Duration.ofMinutes(10));
        assertThat(verifier.verify("Bearer " + token)).isEmpty();
        int i = token.length() - 5;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);

        assertThat(verifier.verify("Bearer " + tampered)).hasValue(GatewayJwtVerifier.Rejection.SIGNATURE);
    }

    /** A clock tests move by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
