package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The simulator logs paths, statuses and request ids, never OTPs, Aadhaar numbers or whole mobiles. */
class NoSecretsInLogsTest {
    private static final String OTP = "482913";

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void capture() {
        previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void release() {
        root.detachAppender(events);
        root.setLevel(previous);
    }

    @Test
    void aScanAndShareLeavesNoNameAddressOrMobileInTheLog() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-02T05:30:00.000Z");
        try (TestBridge bridge = TestBridge.start();
                AbdmSimulator sim = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock)
                        .withBridgeUrl(bridge.url())
                        .withCallbackRetry(new CallbackRetry(2, java.time.Duration.ZERO, java.time.Duration.ZERO)))) {
            bridge.answer(503);
            SimClient client = new SimClient(sim, clock);
            String id = sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);
            assertThat(sim.callbacks().awaitOutcome(id, java.time.Duration.ofSeconds(10)))
                    .contains(CallbackLog.Outcome.DELIVERED);
            assertThat(client.onShare(SimClient.onShareSuccess(id, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "7"))
                    .status()).isEqualTo(202);
        }

        List<String> lines = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("/api/v3/hip/patient/share"));
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("Asha", "Verma", SeedData.ABHA_ADDRESS_EXISTING,
                SeedData.ABHA_EXISTING, SeedData.ABHA_EXISTING.replace("-", ""), SeedData.ABHA_EXISTING_MOBILE,
                "Malviya", "302017"));
    }

    @Test
    void aWholeEnrolmentAndLoginLeaveNoSecretsInTheLog() {
        MutableClock clock = MutableClock.at("2026-03-02T05:30:00.000Z");
        try (AbdmSimulator sim = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock)
                .withOtpGenerator(() -> OTP))) {
            SimClient client = new SimClient(sim, clock);
            String txn = client.enrolmentOtp(SeedData.AADHAAR_NEW).json().get("txnId").asText();
            client.enrolByAadhaar(txn, "000000", SeedData.AADHAAR_NEW_MOBILE);
            assertThat(client.enrolByAadhaar(txn, OTP, SeedData.AADHAAR_NEW_MOBILE).status()).isEqualTo(200);
            String login = client.loginOtp("aadhaar", SeedData.AADHAAR_WITH_ABHA, "aadhaar").json().get("txnId").asText();
            assertThat(client.loginVerify(login, OTP, "aadhaar").status()).isEqualTo(200);
        }

        List<String> lines = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("/v3/enrollment/enrol/byAadhaar"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("******3210"));
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain(OTP, SeedData.AADHAAR_NEW,
                SeedData.AADHAAR_WITH_ABHA, SeedData.AADHAAR_NEW_MOBILE, SeedData.AADHAAR_WITH_ABHA_MOBILE));
    }

    @Test
    void aFailingOtpListenerIsLoggedWithoutTheOtpItCarried() {
        MemoryOtpInbox inbox = new MemoryOtpInbox();
        inbox.addListener(sent -> {
            throw new IllegalStateException("could not show OTP " + sent.otp() + " for " + sent.mobile());
        });
        inbox.deliver(new SentOtp(SeedData.AADHAAR_NEW_MOBILE, OTP, SentOtp.LOGIN,
                java.time.Instant.parse("2026-03-02T05:30:00Z")));

        assertThat(events.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("OTP listener failed"));
        assertThat(events.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(OTP, SeedData.AADHAAR_NEW_MOBILE);
            assertThat(e.getThrowableProxy()).isNull();
        });
    }
}
