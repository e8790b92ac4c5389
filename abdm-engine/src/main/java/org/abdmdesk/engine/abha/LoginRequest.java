package org.abdmdesk.engine.abha;

import java.util.Objects;

/**
 * Which identifier the patient gave and where the OTP should go.
 * {@code identifier} is what the person typed (ABHA number with or without hyphens, ABHA address
 * with or without suffix, 10-digit mobile, or 12-digit Aadhaar); the implementation validates,
 * normalises and encrypts it.
 */
public record LoginRequest(Method method, OtpRoute route, String identifier) {
    public enum Method { ABHA_NUMBER, ABHA_ADDRESS, MOBILE, AADHAAR }

    /** AADHAAR: OTP to the Aadhaar-linked mobile (UIDAI). ABHA_MOBILE: OTP to the mobile on the ABHA. */
    public enum OtpRoute { AADHAAR, ABHA_MOBILE }

    public LoginRequest {
        Objects.requireNonNull(method);
        Objects.requireNonNull(route);
        Objects.requireNonNull(identifier);
        if (method == Method.MOBILE && route != OtpRoute.ABHA_MOBILE) {
            throw new IllegalArgumentException("a mobile login always sends the OTP to that mobile");
        }
        if (method == Method.AADHAAR && route != OtpRoute.AADHAAR) {
            throw new IllegalArgumentException("an Aadhaar login always uses the Aadhaar OTP");
        }
    }

    @Override
    public String toString() {
        return "LoginRequest[" + method + " via " + route + "]";
    }
}
