package org.abdmdesk.engine.abha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.gateway.MutableClock;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbhaResponsesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final AbhaResponses responses = new AbhaResponses(new MutableClock(NOW), "sbx");
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode node(String s) throws Exception {
        return json.readTree(s);
    }

    @ParameterizedTest
    @CsvSource({
        "22-10-1991, 22-10-1991",
        "2-7-1991, 02-07-1991",
        "25/6/2012, 25-06-2012",
        "1991-10-22, 22-10-1991",
        "1977, 1977",
        "00-00-1977, 1977",
        "00-05-1977, 05-1977",
        "31-02-1990, 02-1990"
    })
    void datesOfBirthInEveryFormSeen(String dob, String expected) throws Exception {
        assertThat(AbhaResponses.birthDate(node("{\"dob\":\"" + dob + "\"}")).map(PartialDate::toString))
                .contains(expected);
    }

    @Test
    void dateOfBirthFromPartsAsStringsOrNumbers() throws Exception {
        assertThat(AbhaResponses.birthDate(node("{\"yearOfBirth\":\"1991\",\"monthOfBirth\":\"10\",\"dayOfBirth\":\"22\"}")))
                .contains(PartialDate.of(LocalDate.of(1991, 10, 22)));
        assertThat(AbhaResponses.birthDate(node("{\"yearOfBirth\":1991,\"monthOfBirth\":\"\",\"dayOfBirth\":null}")))
                .contains(PartialDate.yearOnly(1991));
        assertThat(AbhaResponses.birthDate(node("{\"yearOfBirth\":1991,\"monthOfBirth\":3}")))
                .contains(new PartialDate(1991, Optional.of(3), Optional.empty()));
        assertThat(AbhaResponses.birthDate(node("{\"dob\":\"unknown\",\"yearOfBirth\":\"1980\"}")))
                .contains(PartialDate.yearOnly(1980));
        assertThat(AbhaResponses.birthDate(node("{}"))).isEmpty();
    }

    @Test
    void aProfileWithoutABirthYearIsUnexpected() throws Exception {
        AbdmException e = catchThrowableOfType(AbdmException.class,
                () -> responses.profile(node("{\"name\":\"X\"}"), "v3/profile/account"));
        assertThat(e.kind()).isEqualTo(AbdmException.Kind.UNEXPECTED_RESPONSE);
    }

    @Test
    void bothPinCodeSpellingsAndBothPhotoFields() throws Exception {
        AbhaProfile a = responses.profile(node("{\"dob\":\"1990\",\"pinCode\":\"110001\",\"photo\":\"AQID\"}"), "x");
        AbhaProfile b = responses.profile(node("{\"dob\":\"1990\",\"pincode\":\"110002\",\"profilePhoto\":"
                + "\"data:image/jpeg;base64,BAUG\"}"), "x");
        assertThat(a.pinCode()).isEqualTo("110001");
        assertThat(a.photoJpeg()).hasValue(new byte[] {1, 2, 3});
        assertThat(b.pinCode()).isEqualTo("110002");
        assertThat(b.photoJpeg()).hasValue(new byte[] {4, 5, 6});
    }

    @Test
    void aBrokenPhotoIsDroppedNotFatal() throws Exception {
        AbhaProfile p = responses.profile(node("{\"dob\":\"1990\",\"photo\":\"@@not base64@@\"}"), "x");
        assertThat(p.photoJpeg()).isEmpty();
    }

    @Test
    void addressOnlyAbhaHasNoNumberAndAddressesAreCollected() throws Exception {
        AbhaProfile p = responses.profile(node("{\"dob\":\"1990\",\"ABHANumber\":null,\"phrAddress\":"
                + "[\"first@sbx\",\"second\"],\"preferredAbhaAddress\":\"second@sbx\",\"kycVerified\":\"true\"}"), "x");
        assertThat(p.abhaNumber()).isEmpty();
        assertThat(p.preferredAddress()).contains(new AbhaAddress("second", "sbx"));
        assertThat(p.addresses()).containsExactly(new AbhaAddress("first", "sbx"), new AbhaAddress("second", "sbx"));
        assertThat(p.kycVerified()).isTrue();
        assertThat(p.mobile()).isEmpty();
        assertThat(p.name()).isEmpty();
    }

    @Test
    void theNameIsBuiltFromItsPartsWhenAbsent() throws Exception {
        AbhaProfile p = responses.profile(node("{\"dob\":\"1990\",\"firstName\":\"Ravi\",\"middleName\":\"\","
                + "\"lastName\":\"Kumar\",\"healthIdNumber\":\"91-6285-4575-5116\"}"), "x");
        assertThat(p.name()).isEqualTo("Ravi Kumar");
        assertThat(p.abhaNumber()).isPresent();
    }

    @Test
    void tokensInEitherPlaceAndADefaultLifetime() throws Exception {
        assertThat(responses.token(node("{\"tokens\":{\"token\":\"a\",\"expiresIn\":60}}"), UserToken.Family.PHR, "x"))
                .isEqualTo(new UserToken("a", NOW.plusSeconds(60), UserToken.Family.PHR));
        assertThat(responses.token(node("{\"token\":\"b\"}"), UserToken.Family.PROFILE, "x").expiresAt())
                .isEqualTo(NOW.plus(AbhaResponses.USER_TOKEN_LIFETIME_IF_UNSAID));
        assertThat(catchThrowableOfType(AbdmException.class,
                () -> responses.token(node("{\"tokens\":{}}"), UserToken.Family.PROFILE, "x")).kind())
                .isEqualTo(AbdmException.Kind.UNEXPECTED_RESPONSE);
    }

    @Test
    void txnIdFallsBackToThePreviousOne() throws Exception {
        assertThat(responses.txnId(node("{\"txnId\":\"new\"}"), "old", "x")).isEqualTo("new");
        assertThat(responses.txnId(node("{}"), "old", "x")).isEqualTo("old");
        assertThat(catchThrowableOfType(AbdmException.class, () -> responses.otpSent(node("{}"), "x")))
                .isNotNull();
    }

    @Test
    void documentTypesAreSniffedWhenNotSaid() {
        assertThat(AbhaResponses.document("", "%PDF-1.4".getBytes()).contentType()).isEqualTo("application/pdf");
        assertThat(AbhaResponses.document("application/octet-stream", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                .contentType()).isEqualTo("image/jpeg");
        assertThat(AbhaResponses.document(null, "<?xml version=\"1.0\"?><svg/>".getBytes()).extension()).isEqualTo("svg");
        assertThat(AbhaResponses.document("image/png", new byte[0]).contentType()).isEqualTo("image/png");
    }
}
