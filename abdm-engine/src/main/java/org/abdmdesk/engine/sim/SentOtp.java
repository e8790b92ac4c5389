package org.abdmdesk.engine.sim;

import java.time.Instant;

/**
 * One OTP "SMS" the simulator sent, as the patient's phone would show it. Demo data only: the
 * simulator plays the phone, so the OTP is here on purpose. {@code mobile} is the 10-digit number
 * (or the e-mail address for an e-mail verification). {@link #toString()} hides the OTP.
 */
public record SentOtp(String mobile, String otp, String purpose, Instant at) {

    /** Purposes, as the simulated SMS names them. */
    public static final String ENROLMENT = "ABHA enrolment";
    public static final String MOBILE_VERIFICATION = "mobile verification";
    public static final String EMAIL_VERIFICATION = "email verification";
    public static final String DRIVING_LICENCE_ENROLMENT = "ABHA enrolment (driving licence)";
    public static final String LOGIN = "ABHA login";
    public static final String ADDRESS_LOGIN = "ABHA address login";

    /** The number as a screen or log may show it: {@code ******1234}. */
    public String maskedMobile() {
        return Masks.mobile(mobile);
    }

    @Override
    public String toString() {
        return "SentOtp[" + maskedMobile() + ", " + purpose + ", " + at + "]";
    }
}
