package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.Luhn;
import org.junit.jupiter.api.Test;

class EnrolmentTest extends SimulatorTestBase {

    private JsonNode enrol(String aadhaar, String aadhaarMobile, String communicationMobile) {
        Reply otp = client.enrolmentOtp(aadhaar);
        assertThat(otp.status()).as(otp.toString()).isEqualTo(200);
        Reply enrolled = client.enrolByAadhaar(otp.json().get("txnId").asText(), client.otpFor(aadhaarMobile),
                communicationMobile);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        return enrolled.json();
    }

    @Test
    void newResidentWithTheSameMobileGetsANewLuhnValidAbhaStraightAway() {
        JsonNode r = enrol(SeedData.AADHAAR_NEW, SeedData.AADHAAR_NEW_MOBILE, SeedData.AADHAAR_NEW_MOBILE);

        assertThat(r.get("isNew").asBoolean()).isTrue();
        JsonNode p = r.get("ABHAProfile");
        String number = p.get("ABHANumber").asText();
        assertThat(number).matches("91-\\d{4}-\\d{4}-\\d{4}");
        assertThat(Luhn.isValid(number.replace("-", ""))).isTrue();
        assertThat(p.get("mobile").asText()).isEqualTo(SeedData.AADHAAR_NEW_MOBILE);
        assertThat(p.get("phrAddress").get(0).asText()).isEqualTo(number.replace("-", "") + "@sbx");
        assertThat(p.get("firstName").asText()).isEqualTo("Rahul");
        assertThat(p.get("dob").asText()).isEqualTo("22-10-1991");
        assertThat(p.get("gender").asText()).isEqualTo("M");
        assertThat(p.get("photo").asText()).isNotBlank();
        assertThat(r.get("tokens").get("token").asText()).isNotBlank();
        assertThat(r.get("tokens").get("expiresIn").asInt()).isEqualTo(1800);
        assertThat(r.get("txnId").asText()).isNotBlank();

        Reply profile = client.get("/v3/profile/account", "X-token", "Bearer " + r.get("tokens").get("token").asText());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("ABHANumber").asText()).isEqualTo(number);
        assertThat(profile.json().get("yearOfBirth").asText()).isEqualTo("1991");
        assertThat(profile.json().get("pincode").asText()).isEqualTo("226024");
    }

    @Test
    void aDifferentCommunicationMobileNeedsItsOwnOtpBeforeItIsLinked() throws Exception {
        JsonNode r = enrol(SeedData.AADHAAR_NEW_2, SeedData.AADHAAR_NEW_2_MOBILE, SeedData.OTHER_MOBILE);
        assertThat(r.get("isNew").asBoolean()).isTrue();
        assertThat(r.get("ABHAProfile").get("mobile").isNull()).isTrue();
        String txnId = r.get("txnId").asText();
        String xToken = "Bearer " + r.get("tokens").get("token").asText();

        Reply sent = client.mobileVerifyOtp(txnId, SeedData.OTHER_MOBILE);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().get("message").asText()).endsWith("******5678");
        SentOtp sms = sim.otpInbox().latestFor(SeedData.OTHER_MOBILE).orElseThrow();
        assertThat(sms.purpose()).isEqualTo(SentOtp.MOBILE_VERIFICATION);

        Reply wrong = client.authByAbdm(sent.json().get("txnId").asText(), "000000", "abha-enrol", "mobile-verify");
        assertThat(wrong.errorCode()).isEqualTo("ABDM-1042");

        Reply linked = client.authByAbdm(sent.json().get("txnId").asText(), sms.otp(), "abha-enrol", "mobile-verify");
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.json().get("authResult").asText()).isEqualTo("success");
        assertThat(linked.json().get("message").asText()).isEqualTo("Mobile Number linked successfully.");
        assertThat(linked.json().get("accounts").get(0).get("ABHANumber").asText())
                .isEqualTo(r.get("ABHAProfile").get("ABHANumber").asText());

        JsonNode profile = client.get("/v3/profile/account", "X-token", xToken).json();
        assertThat(profile.get("mobile").asText()).isEqualTo(SeedData.OTHER_MOBILE);
    }

    @Test
    void residentWithAnAbhaGetsTheExistingOneBack() {
        JsonNode r = enrol(SeedData.AADHAAR_WITH_ABHA, SeedData.AADHAAR_WITH_ABHA_MOBILE,
                SeedData.AADHAAR_WITH_ABHA_MOBILE);

        assertThat(r.get("isNew").asBoolean()).isFalse();
        assertThat(r.get("ABHAProfile").get("ABHANumber").asText()).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(r.get("ABHAProfile").get("mobile").asText()).isEqualTo(SeedData.ABHA_EXISTING_MOBILE);
        assertThat(r.get("ABHAProfile").get("phrAddress").toString()).contains(SeedData.ABHA_ADDRESS_EXISTING);
    }

    @Test
    void suggestionsArePolicyValidFreeAndAtLeastFour() {
        JsonNode r = enrol(SeedData.AADHAAR_NEW, SeedData.AADHAAR_NEW_MOBILE, SeedData.AADHAAR_NEW_MOBILE);

        Reply s = client.get("/v3/enrollment/enrol/suggestion", "TRANSACTION_ID", r.get("txnId").asText());

        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        List<String> list = new ArrayList<>();
        s.json().get("abhaAddressList").forEach(n -> list.add(n.asText()));
        assertThat(list).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates()
                .doesNotContain(SeedData.TAKEN_ADDRESS)
                .allSatisfy(a -> assertThat(AbhaAddress.checkNewUsername(a).acceptable()).as(a).isTrue())
                .allSatisfy(a -> assertThat(a).doesNotContain("@"))
                .anySatisfy(a -> assertThat(a).contains("rahul"));
    }

    @Test
    void createdAddressBecomesPreferredAndIsThenTaken() {
        JsonNode r = enrol(SeedData.AADHAAR_NEW, SeedData.AADHAAR_NEW_MOBILE, SeedData.AADHAAR_NEW_MOBILE);
        String txnId = r.get("txnId").asText();

        Reply created = client.post("/v3/enrollment/enrol/abha-address",
                Map.of("txnId", txnId, "abhaAddress", "rahul_22101991", "preferred", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("preferredAbhaAddress").asText()).isEqualTo("rahul_22101991@sbx");
        assertThat(created.json().get("healthIdNumber").asText()).isEqualTo(r.get("ABHAProfile").get("ABHANumber").asText());

        Reply again = client.post("/v3/enrollment/enrol/abha-address",
                Map.of("txnId", txnId, "abhaAddress", "rahul_22101991", "preferred", 1));
        assertThat(again.errorCode()).isEqualTo("1434");

        JsonNode profile = client.get("/v3/profile/account", "X-token",
                "Bearer " + r.get("tokens").get("token").asText()).json();
        assertThat(profile.get("preferredAbhaAddress").asText()).isEqualTo("rahul_22101991@sbx");
    }

    @Test
    void takenAndPolicyBreakingAddressesAreRefused() {
        JsonNode r = enrol(SeedData.AADHAAR_NEW, SeedData.AADHAAR_NEW_MOBILE, SeedData.AADHAAR_NEW_MOBILE);
        String txnId = r.get("txnId").asText();

        Reply taken = client.post("/v3/enrollment/enrol/abha-address",
                Map.of("txnId", txnId, "abhaAddress", SeedData.TAKEN_ADDRESS, "preferred", 1));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("code").asText()).isEqualTo("1434");
        assertThat(taken.json().get("message").asText()).contains("already in use");

        for (String bad : new String[] {"short", ".rahulsharma", "rahul..sharma1", "12345678901", "rahul sharma"}) {
            Reply refused = client.post("/v3/enrollment/enrol/abha-address",
                    Map.of("txnId", txnId, "abhaAddress", bad, "preferred", 1));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("abhaAddress").asText()).as(bad).contains("8 characters");
        }
    }

    @Test
    void drivingLicenceEnrolmentIsProvisional() {
        Reply otp = client.post("/v3/enrollment/request/otp", Map.of(
                "scope", new String[] {"abha-enrol", "mobile-verify", "dl-flow"}, "loginHint", "mobile",
                "loginId", client.enc("9090909090"), "otpSystem", "abdm"));
        assertThat(otp.status()).as(otp.toString()).isEqualTo(200);
        String txnId = otp.json().get("txnId").asText();

        Map<String, Object> document = Map.ofEntries(Map.entry("txnId", txnId),
                Map.entry("documentType", "DRIVING_LICENCE"), Map.entry("documentId", "MH1420110062821"),
                Map.entry("firstName", "Kavita"), Map.entry("middleName", ""), Map.entry("lastName", "Joshi"),
                Map.entry("dob", "1990-04-12"), Map.entry("gender", "F"),
                Map.entry("frontSidePhoto", "aGVsbG8="), Map.entry("backSidePhoto", "aGVsbG8="),
                Map.entry("address", "12 MG Road"), Map.entry("state", "MAHARASHTRA"), Map.entry("district", "PUNE"),
                Map.entry("pinCode", "411001"), Map.entry("consent", Map.of("code", "abha-enrollment", "version", "1.4")));
        Reply early = client.post("/v3/enrollment/enrol/byDocument", document);
        assertThat(early.status()).isEqualTo(400);

        Reply verified = client.authByAbdm(txnId, client.otpFor("9090909090"), "abha-enrol", "mobile-verify", "dl-flow");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("message").asText()).isEqualTo("OTP verified successfully.");

        Reply enrolled = client.post("/v3/enrollment/enrol/byDocument", document);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        JsonNode p = enrolled.json().get("enrolProfile");
        assertThat(p.get("enrolmentState").asText()).isEqualTo("PROVISIONAL");
        assertThat(p.get("enrolmentNumber").asText()).matches("91-\\d{4}-\\d{4}-\\d{4}");
        assertThat(p.get("firstName").asText()).isEqualTo("Kavita");
        assertThat(p.get("mobile").asText()).isEqualTo("9090909090");
    }

    @Test
    void enrolmentBodyProblemsComeBackAsOneFieldMap() {
        Reply otp = client.enrolmentOtp(SeedData.AADHAAR_NEW);
        Reply r = client.post("/v3/enrollment/enrol/byAadhaar", Map.of(
                "authData", Map.of("authMethods", new String[] {"otp"}, "otp", Map.of(
                        "txnId", otp.json().get("txnId").asText(), "otpValue", client.enc("123456"),
                        "mobile", "12345")),
                "consent", Map.of("code", "something-else", "version", "1.4")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("mobile").asText()).isEqualTo("Invalid Mobile Number");
        assertThat(r.json().get("consentCode").asText()).isEqualTo("Invalid Consent Code");
        assertThat(r.json().has("consentVersion")).isFalse();
    }

    @Test
    void unknownAadhaarIsAUidaiError() {
        Reply r = client.enrolmentOtp("999999999999".substring(0, 11) + org.abdmdesk.engine.identity.Verhoeff
                .checkDigit("99999999999"));
        Reply badChecksum = client.enrolmentOtp("234567890123");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("ABDM-1204");
        assertThat(badChecksum.errorCode()).isEqualTo("ABDM-1204");
        assertThat(sim.otpInbox().all()).isEmpty();
    }
}
