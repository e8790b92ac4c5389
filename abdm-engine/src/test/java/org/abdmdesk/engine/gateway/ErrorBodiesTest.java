package org.abdmdesk.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.error.AbdmException.Kind;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {
    private static final String CALL = "POST /v3/enrollment/enrol/byAadhaar";
    private final ErrorBodies errors = new ErrorBodies(new ObjectMapper());

    private AbdmException parse(int status, String body) {
        return errors.toException(CALL, status, body);
    }

    @Test
    void fieldMapHasNoCodeAndJoinsTheFieldMessagesWithoutTheTimestamp() {
        AbdmException e = parse(400, "{\"otpValue\":\"Invalid OTP Value\",\"txnId\":\"Invalid Transaction Id\","
                + "\"Timestamp\":\"Invalid Timestamp\",\"timestamp\":\"24-11-2022 20:38:44\"}");
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.code()).isEmpty();
        assertThat(e.abdmMessage()).contains("Invalid OTP Value; Invalid Transaction Id; Invalid Timestamp");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains(CALL, "400", "field-map");
    }

    @Test
    void nestedErrorIsUnwrappedAndItsCodeTrimmed() {
        AbdmException e = parse(400, "{\"error\":{\"code\":\"ABDM-1204: \",\"message\":\"UIDAI Error code : 100 :"
                + " The provided Personal Identity information didn't match\"}}");
        assertThat(e.code()).contains("ABDM-1204");
        assertThat(e.abdmMessage().orElseThrow()).startsWith("UIDAI Error code : 100");
        assertThat(e.userMessage(Locale.ENGLISH)).startsWith("[ABDM-1204] UIDAI Error code")
                .endsWith("The OTP is wrong or has expired. Ask the patient to read it again, or send a new one.");
    }

    @Test
    void flatCodeAndMessage() {
        AbdmException e = parse(400, "{\"code\":\"ABDM-1042\",\"message\":\"Invalid OTP\"}");
        assertThat(e.code()).contains("ABDM-1042");
        assertThat(e.abdmMessage()).contains("Invalid OTP");
        assertThat(e.getMessage()).contains("ABDM-1042").doesNotContain("Invalid OTP");
    }

    @Test
    void hisShapeAddsTheDetailMessages() {
        AbdmException e = parse(422, "{\"code\":\"HIS-422\",\"message\":\"Unable to process the current request due"
                + " to incorrect data entered.\",\"details\":[{\"message\":\"Ensure correct Aadhaar Information is"
                + " entered.\",\"code\":\"HIS-2018\",\"attribute\":null}]}");
        assertThat(e.code()).contains("HIS-422");
        assertThat(e.abdmMessage().orElseThrow()).contains("incorrect data entered.")
                .endsWith("Ensure correct Aadhaar Information is entered.");
        assertThat(e.userMessage(Locale.ENGLISH)).endsWith("Check that the Aadhaar details are correct.");
    }

    @Test
    void arrayTakesTheFirstElementAndTrimsTheCode() {
        AbdmException e = parse(400, "[{\"code\":\"ABDM-1006: \",\"message\":\"Invalid mobile number\"},"
                + "{\"code\":\"ABDM-9999\",\"message\":\"other\"}]");
        assertThat(e.code()).contains("ABDM-1006");
        assertThat(e.abdmMessage()).contains("Invalid mobile number");
    }

    @Test
    void arrayOfNestedErrors() {
        AbdmException e = parse(400, "[{\"error\":{\"code\":\"ABDM-1016: \",\"message\":\"Invalid Timestamp\"}}]");
        assertThat(e.code()).contains("ABDM-1016");
        assertThat(e.userMessage(Locale.ENGLISH)).contains("clock");
    }

    @Test
    void routingStatusReport() {
        AbdmException e = parse(404, "{\"code\":\"404\",\"type\":\"Status report\",\"message\":\"Not Found\"}");
        assertThat(e.code()).contains("404");
        assertThat(e.abdmMessage()).contains("Not Found");
        assertThat(e.getMessage()).contains("routing");
    }

    @Test
    void gatewayTokenRefusal() {
        AbdmException e = parse(401, "{\"code\":\"900901\",\"message\":\"Invalid Credentials\","
                + "\"description\":\"Make sure you have provided the correct security credentials\"}");
        assertThat(e.code()).contains("900901");
        assertThat(e.abdmMessage()).contains("Invalid Credentials");
        assertThat(errors.code("{\"code\":\"900901\"}")).contains("900901");
        assertThat(errors.code("{\"error\":{\"code\":\"900901: \"}}")).contains("900901");
    }

    @Test
    void numericCodesAreReadAsText() {
        AbdmException e = parse(400, "{\"code\":1434,\"message\":\"The requested ABHA address is already in use.\"}");
        assertThat(e.code()).contains("1434");
        assertThat(e.userMessage(Locale.ENGLISH)).contains("already taken");
    }

    @Test
    void springDefaultErrorBody() {
        AbdmException e = parse(500, "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"status\":500,"
                + "\"error\":\"Internal Server Error\",\"path\":\"/v3/x\"}");
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.abdmMessage()).contains("Internal Server Error");
    }

    @Test
    void emptyBodyIsUnexpected() {
        AbdmException e = parse(502, "");
        assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.getMessage()).contains(CALL, "502", "empty body");
    }

    @Test
    void nonJsonBodyIsUnexpectedAndNotCopiedIntoTheTechnicalMessage() {
        AbdmException e = parse(403, "Access Denied for 9876543210");
        assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
        assertThat(e.getMessage()).contains("403", "unreadable").doesNotContain("9876543210");
        assertThat(e.userMessage(Locale.ENGLISH)).contains("could not read");
    }

    @Test
    void jsonWithoutAnyMessageIsUnexpected() {
        assertThat(parse(500, "{}").kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
        assertThat(parse(500, "[]").kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
        assertThat(parse(500, "42").kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
    }
}
