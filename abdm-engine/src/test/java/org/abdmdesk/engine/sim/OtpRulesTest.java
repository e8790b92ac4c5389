package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OtpRulesTest extends SimulatorTestBase {

    private String txnOf(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("txnId").asText();
    }

    @Test
    void resendOnlyAfterSixtySecondsAndAtMostTwice() {
        String txn = txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW));
        String first = client.otpFor(SeedData.AADHAAR_NEW_MOBILE);

        clock.advance(Duration.ofSeconds(59));
        Reply early = client.enrolmentOtp(SeedData.AADHAAR_NEW);
        assertThat(early.status()).isEqualTo(429);
        assertThat(early.errorCode()).isEqualTo("ABDM-1022: ");

        clock.advance(Duration.ofSeconds(1));
        assertThat(txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW))).isEqualTo(txn);
        clock.advance(Duration.ofSeconds(60));
        assertThat(txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW))).isEqualTo(txn);
        clock.advance(Duration.ofSeconds(60));
        Reply third = client.enrolmentOtp(SeedData.AADHAAR_NEW);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorCode()).isEqualTo("ABDM-1100");
        assertThat(third.errorMessage()).contains("30 minutes");

        assertThat(sim.requests().count("POST", "/v3/enrollment/request/otp")).isEqualTo(5);
        assertThat(sim.otpInbox().all()).hasSize(3);
        String latest = client.otpFor(SeedData.AADHAAR_NEW_MOBILE);
        Reply blocked = client.enrolByAadhaar(txn, latest, SeedData.AADHAAR_NEW_MOBILE);
        assertThat(blocked.errorCode()).isEqualTo("ABDM-1100");
        assertThat(first).isNotNull();
    }

    @Test
    void theResentOtpVerifiesAndTheOldOneNoLonger() {
        List<String> otps = new ArrayList<>(List.of("111111", "222222"));
        sim.close();
        sim = AbdmSimulator.start(SimulatorConfig.defaults().withClock(clock).withOtpGenerator(() -> otps.removeFirst()));
        client = new SimClient(sim, clock);

        String txn = txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW));
        clock.advance(Duration.ofSeconds(61));
        txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW));

        assertThat(client.enrolByAadhaar(txn, "111111", SeedData.AADHAAR_NEW_MOBILE).errorCode()).isEqualTo("ABDM-1204");
        assertThat(client.enrolByAadhaar(txn, "222222", SeedData.AADHAAR_NEW_MOBILE).status()).isEqualTo(200);
    }

    @Test
    void resendWithTheTxnIdKeepsTheTransaction() {
        String txn = txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW));
        clock.advance(Duration.ofSeconds(60));
        Reply resent = client.post("/v3/enrollment/request/otp", java.util.Map.of("txnId", txn,
                "scope", new String[] {"abha-enrol"}, "loginHint", "aadhaar",
                "loginId", client.enc(SeedData.AADHAAR_NEW), "otpSystem", "aadhaar"));

        assertThat(txnOf(resent)).isEqualTo(txn);
        assertThat(sim.otpInbox().all()).hasSize(2);
    }

    @Test
    void wrongAadhaarOtpIsAUidaiErrorAndFiveWrongOnesBlock() {
        String txn = txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW));
        String right = client.otpFor(SeedData.AADHAAR_NEW_MOBILE);
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            Reply r = client.enrolByAadhaar(txn, wrong, SeedData.AADHAAR_NEW_MOBILE);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("ABDM-1204");
            assertThat(r.errorMessage()).startsWith("UIDAI Error code");
        }
        Reply blocked = client.enrolByAadhaar(txn, right, SeedData.AADHAAR_NEW_MOBILE);
        assertThat(blocked.errorCode()).isEqualTo("ABDM-1100");

        clock.advance(Duration.ofMinutes(30));
        client.forgetSession();
        Reply afterBlock = client.enrolmentOtp(SeedData.AADHAAR_NEW);
        assertThat(afterBlock.status()).as(afterBlock.toString()).isEqualTo(200);
        assertThat(afterBlock.json().get("txnId").asText()).isNotEqualTo(txn);
    }

    @Test
    void aWrongTryLeavesTheRightOtpUsable() {
        String txn = txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW));
        String right = client.otpFor(SeedData.AADHAAR_NEW_MOBILE);
        String wrong = right.equals("000000") ? "111111" : "000000";

        assertThat(client.enrolByAadhaar(txn, wrong, SeedData.AADHAAR_NEW_MOBILE).status()).isEqualTo(400);
        assertThat(client.enrolByAadhaar(txn, right, SeedData.AADHAAR_NEW_MOBILE).status()).isEqualTo(200);
    }

    @Test
    void otpExpiresAfterTenMinutes() {
        String txn = txnOf(client.enrolmentOtp(SeedData.AADHAAR_NEW));
        String otp = client.otpFor(SeedData.AADHAAR_NEW_MOBILE);

        clock.advance(Duration.ofMinutes(10));
        client.forgetSession();
        Reply r = client.enrolByAadhaar(txn, otp, SeedData.AADHAAR_NEW_MOBILE);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("ABDM-1204");
        assertThat(r.errorMessage()).contains("expired");
    }

    @Test
    void abdmOtpExpiryIsReportedWithItsOwnCode() {
        String txn = txnOf(client.loginOtp("abha-number", SeedData.ABHA_EXISTING, "abdm"));
        String otp = client.otpFor(SeedData.ABHA_EXISTING_MOBILE);

        clock.advance(Duration.ofMinutes(11));
        client.forgetSession();
        Reply r = client.loginVerify(txn, otp, "abdm");

        assertThat(r.errorCode()).isEqualTo("ABDM-1042");
        assertThat(r.errorMessage()).contains("expired");
    }

    @Test
    void unknownTransactionIsAbdm1006() {
        Reply r = client.enrolByAadhaar("b7ffebe2-8be8-433a-b447-62eecc45e397", "123456", SeedData.AADHAAR_NEW_MOBILE);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.errorCode()).isEqualTo("ABDM-1006: ");
        assertThat(r.errorMessage()).isEqualTo("Transaction is not found");
    }

    @Test
    void simultaneousRequestsForOneAadhaarMakeOneTransaction() throws Exception {
        client.session();
        client.enc("warm-up");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> client.enrolmentOtp(SeedData.AADHAAR_NEW));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : pool.invokeAll(calls)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
            assertThat(sim.otpInbox().all()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
