package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginTest extends SimulatorTestBase {

    private JsonNode login(String hint, String loginId, String otpSystem, String otpGoesTo) {
        Reply sent = client.loginOtp(hint, loginId, otpSystem);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().get("message").asText()).endsWith(Masks.mobile(otpGoesTo));
        SentOtp sms = sim.otpInbox().latestFor(otpGoesTo).orElseThrow();
        assertThat(sms.purpose()).isEqualTo(SentOtp.LOGIN);
        Reply verified = client.loginVerify(sent.json().get("txnId").asText(), sms.otp(), otpSystem);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("authResult").asText()).isEqualTo("success");
        return verified.json();
    }

    private JsonNode profile(String xToken) {
        Reply r = client.get("/v3/profile/account", "X-token", "Bearer " + xToken);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void abhaNumberWithAadhaarOtpGoesToTheAadhaarMobile() {
        JsonNode v = login("abha-number", SeedData.ABHA_EXISTING, "aadhaar", SeedData.AADHAAR_WITH_ABHA_MOBILE);

        assertThat(v.get("accounts")).hasSize(1);
        assertThat(v.get("accounts").get(0).get("ABHANumber").asText()).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(v.get("expiresIn").asInt()).isEqualTo(1800);
        JsonNode p = profile(v.get("token").asText());
        assertThat(p.get("name").asText()).isEqualTo("Asha Verma");
        assertThat(p.get("preferredAbhaAddress").asText()).isEqualTo(SeedData.ABHA_ADDRESS_EXISTING);
        assertThat(p.get("mobile").asText()).isEqualTo(SeedData.ABHA_EXISTING_MOBILE);
        assertThat(p.get("gender").asText()).isEqualTo("F");
        assertThat(p.get("dayOfBirth").asText() + "-" + p.get("monthOfBirth").asText() + "-" + p.get("yearOfBirth").asText())
                .isEqualTo("05-03-1988");
    }

    @Test
    void abhaNumberWithMobileOtpGoesToTheAbhaMobileAndAcceptsPlainDigits() {
        JsonNode v = login("abha-number", SeedData.ABHA_EXISTING.replace("-", ""), "abdm", SeedData.ABHA_EXISTING_MOBILE);

        assertThat(profile(v.get("token").asText()).get("ABHANumber").asText()).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(sim.otpInbox().latestFor(SeedData.AADHAAR_WITH_ABHA_MOBILE)).isEmpty();
    }

    @Test
    void aadhaarLoginFindsTheAbha() {
        JsonNode v = login("aadhaar", SeedData.AADHAAR_WITH_ABHA, "aadhaar", SeedData.AADHAAR_WITH_ABHA_MOBILE);

        assertThat(v.get("accounts").get(0).get("ABHANumber").asText()).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(profile(v.get("token").asText()).get("ABHANumber").asText()).isEqualTo(SeedData.ABHA_EXISTING);
    }

    @Test
    void mobileLoginListsTheWholeFamilyAndNeedsAChoice() {
        JsonNode v = login("mobile", SeedData.MOBILE_FAMILY, "abdm", SeedData.MOBILE_FAMILY);

        List<String> numbers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        v.get("accounts").forEach(a -> {
            numbers.add(a.get("ABHANumber").asText());
            names.add(a.get("name").asText());
        });
        assertThat(numbers).containsExactlyInAnyOrder(SeedData.ABHA_FAMILY_RAMESH, SeedData.ABHA_FAMILY_SUNITA,
                SeedData.ABHA_FAMILY_AARAV);
        assertThat(names).doesNotHaveDuplicates();
        String tToken = v.get("token").asText();
        assertThat(v.get("expiresIn").asInt()).isEqualTo(300);

        Reply misuse = client.get("/v3/profile/account", "X-token", "Bearer " + tToken);
        assertThat(misuse.status()).isEqualTo(401);
        assertThat(misuse.errorCode()).isEqualTo("ABDM-1094");
        assertThat(misuse.errorMessage()).isEqualTo("X-token expired");

        Reply chosen = client.post("/v3/profile/login/verify/user",
                Map.of("ABHANumber", SeedData.ABHA_FAMILY_SUNITA, "txnId", v.get("txnId").asText()),
                "T-token", "Bearer " + tToken);
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(profile(chosen.json().get("token").asText()).get("name").asText()).isEqualTo("Sunita Yadav");

        Reply stranger = client.post("/v3/profile/login/verify/user",
                Map.of("ABHANumber", SeedData.ABHA_EXISTING, "txnId", v.get("txnId").asText()),
                "T-token", "Bearer " + tToken);
        assertThat(stranger.status()).isEqualTo(400);
        Reply noToken = client.post("/v3/profile/login/verify/user",
                Map.of("ABHANumber", SeedData.ABHA_FAMILY_SUNITA, "txnId", v.get("txnId").asText()));
        assertThat(noToken.status()).isEqualTo(401);
    }

    @Test
    void abhaAddressLoginUsesThePhrWebFamily() {
        Reply search = client.post("/v3/phr/web/login/abha/search", Map.of("abhaAddress", "asha.verma"));
        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(search.json().get("healthIdNumber").asText()).isEqualTo(SeedData.ABHA_EXISTING);
        assertThat(search.json().get("authMethods").toString()).contains("AADHAAR_OTP", "MOBILE_OTP");
        assertThat(search.json().get("mobile").asText()).isEqualTo("******2233");

        for (String route : new String[] {"mobile-verify", "aadhaar-verify"}) {
            String system = route.equals("mobile-verify") ? "abdm" : "aadhaar";
            String phone = route.equals("mobile-verify") ? SeedData.ABHA_EXISTING_MOBILE : SeedData.AADHAAR_WITH_ABHA_MOBILE;
            String[] scope = {"abha-address-login", route};
            Reply sent = client.post("/v3/phr/web/login/abha/request/otp", Map.of("scope", scope,
                    "loginHint", "abha-address", "loginId", client.enc(SeedData.ABHA_ADDRESS_EXISTING),
                    "otpSystem", system));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            Reply verified = client.post("/v3/phr/web/login/abha/verify", Map.of("scope", scope, "authData",
                    Map.of("authMethods", new String[] {"otp"}, "otp", Map.of("txnId", sent.json().get("txnId").asText(),
                            "otpValue", client.enc(client.otpFor(phone))))));
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            assertThat(verified.json().get("users").get(0).get("abhaAddress").asText())
                    .isEqualTo(SeedData.ABHA_ADDRESS_EXISTING);
            String token = verified.json().get("tokens").get("token").asText();

            Reply profile = client.get("/v3/phr/web/login/profile/abha-profile", "X-token", "Bearer " + token);
            assertThat(profile.status()).isEqualTo(200);
            assertThat(profile.json().get("ABHANumber").asText()).isEqualTo(SeedData.ABHA_EXISTING);
            assertThat(profile.json().get("abhaAddress").asText()).isEqualTo(SeedData.ABHA_ADDRESS_EXISTING);
            assertThat(client.get("/v3/profile/account", "X-token", "Bearer " + token).status()).isEqualTo(401);
        }
    }

    @Test
    void unknownIdentifiersAreUserNotFound() {
        List<Reply> replies = List.of(
                client.loginOtp("abha-number", "91-1111-2222-3333", "abdm"),
                client.loginOtp("mobile", SeedData.MOBILE_NO_ABHA, "abdm"),
                client.loginOtp("aadhaar", SeedData.AADHAAR_NEW, "aadhaar"),
                client.post("/v3/phr/web/login/abha/search", Map.of("abhaAddress", "nobody.here@sbx")));

        for (Reply r : replies) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("ABDM-1114");
            assertThat(r.errorMessage()).isEqualTo("User not found.");
        }
        assertThat(sim.otpInbox().all()).isEmpty();
    }

    @Test
    void scopeAndOtpSystemMustAgree() {
        Reply r = client.post("/v3/profile/login/request/otp", Map.of("scope", new String[] {"abha-login", "aadhaar-verify"},
                "loginHint", "abha-number", "loginId", client.enc(SeedData.ABHA_EXISTING), "otpSystem", "abdm"));
        Reply verifyWithOtherScope;
        String txn = client.loginOtp("abha-number", SeedData.ABHA_EXISTING, "abdm").json().get("txnId").asText();
        verifyWithOtherScope = client.loginVerify(txn, client.otpFor(SeedData.ABHA_EXISTING_MOBILE), "aadhaar");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).isEqualTo("Invalid otpSystem");
        assertThat(verifyWithOtherScope.status()).isEqualTo(400);
        assertThat(verifyWithOtherScope.errorMessage()).isEqualTo("Invalid scope");
    }

    @Test
    void wrongLoginOtpIsRejectedByTheRightAuthority() {
        String viaMobile = client.loginOtp("abha-number", SeedData.ABHA_EXISTING, "abdm").json().get("txnId").asText();
        String viaAadhaar = client.loginOtp("aadhaar", SeedData.AADHAAR_WITH_ABHA, "aadhaar").json().get("txnId").asText();

        Reply abdm = client.loginVerify(viaMobile, wrongOtp(SeedData.ABHA_EXISTING_MOBILE), "abdm");
        Reply uidai = client.loginVerify(viaAadhaar, wrongOtp(SeedData.AADHAAR_WITH_ABHA_MOBILE), "aadhaar");

        assertThat(abdm.json().get("code").asText()).isEqualTo("ABDM-1042");
        assertThat(uidai.json().get("error").get("code").asText()).isEqualTo("ABDM-1204");
    }

    private String wrongOtp(String mobile) {
        return client.otpFor(mobile).equals("999999") ? "888888" : "999999";
    }
}
