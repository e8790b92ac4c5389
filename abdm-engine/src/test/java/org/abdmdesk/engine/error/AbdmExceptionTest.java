package org.abdmdesk.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.abdmdesk.engine.error.AbdmException.Kind;
import org.junit.jupiter.api.Test;

class AbdmExceptionTest {
    private static final Locale HINDI = Locale.forLanguageTag("hi");

    @Test
    void theUserSeesTheCodeAbdmsWordsAndOurAdvice() {
        AbdmException e = AbdmException.rejected("ABDM-1042: ", "Invalid OTP", 400, "POST /x -> HTTP 400");
        assertThat(e.code()).contains("ABDM-1042");
        assertThat(e.userMessage(Locale.ENGLISH)).isEqualTo("[ABDM-1042] Invalid OTP \u2014 The OTP is wrong or has"
                + " expired. Ask the patient to read it again, or send a new one.");
        assertThat(e.getMessage()).isEqualTo("POST /x -> HTTP 400");
    }

    @Test
    void hindiLocaleGivesHindiAdviceAndKeepsAbdmsOwnWords() {
        AbdmException e = AbdmException.rejected("ABDM-1042", "Invalid OTP", 400, "t");
        assertThat(e.userMessage(HINDI)).startsWith("[ABDM-1042] Invalid OTP \u2014 ")
                .contains("OTP गलत है");
        assertThat(e.advice(HINDI)).isNotEqualTo(e.advice(Locale.ENGLISH));
    }

    @Test
    void withoutACodeAdviceFallsBackToTheKind() {
        AbdmException e = AbdmException.rejected(null, "Invalid Transaction Id", 400, "t");
        assertThat(e.userMessage(Locale.ENGLISH)).isEqualTo("Invalid Transaction Id \u2014 ABDM did not accept the"
                + " request. Check the details and try again.");
        AbdmException unknown = AbdmException.rejected("ABDM-7777", null, 400, "t");
        assertThat(unknown.userMessage(Locale.ENGLISH)).isEqualTo("[ABDM-7777] ABDM did not accept the request."
                + " Check the details and try again.");
    }

    @Test
    void anExplicitAdviceKeyWinsOverTheCode() {
        AbdmException e = new AbdmException(Kind.REJECTED, "ABDM-1114", "User not found.", 404,
                "error.noAbhaOnMobile", "t", null);
        assertThat(e.advice(Locale.ENGLISH)).startsWith("We did not find any ABHA linked to this mobile");
        assertThat(e.advice(HINDI)).startsWith("इस मोबाइल नंबर से जुड़ा कोई ABHA नहीं मिला");
    }

    @Test
    void factoriesSetTheirKind() {
        AbdmException net = AbdmException.network("GET /x failed", new java.io.IOException("refused"));
        assertThat(net.kind()).isEqualTo(Kind.NETWORK);
        assertThat(net.httpStatus()).isZero();
        assertThat(net.userMessage(Locale.ENGLISH)).startsWith("Could not reach ABDM");
        assertThat(AbdmException.cancelled("c").userMessage(Locale.ENGLISH)).isEqualTo("Cancelled. Nothing was changed.");
        assertThat(AbdmException.cancelled("c").userMessage(HINDI)).isEqualTo("रद्द किया गया। कुछ भी बदला नहीं गया।");
        AbdmException unexpected = AbdmException.unexpected(502, "u");
        assertThat(unexpected.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
        assertThat(unexpected.httpStatus()).isEqualTo(502);
        assertThat(AbdmException.invalidInput("otp.format", "t").userMessage(Locale.ENGLISH))
                .isEqualTo("The OTP has exactly 6 digits.");
    }

    @Test
    void blankAbdmMessagesAreDropped() {
        AbdmException e = AbdmException.rejected("ABDM-1016", "  ", 400, "t");
        assertThat(e.abdmMessage()).isEmpty();
        assertThat(e.userMessage(Locale.ENGLISH)).startsWith("[ABDM-1016] The computer's clock");
    }
}
