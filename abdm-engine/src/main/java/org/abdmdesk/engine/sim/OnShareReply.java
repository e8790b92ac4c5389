package org.abdmdesk.engine.sim;

import java.time.Instant;

/**
 * A HIP's answer to a profile share ({@code POST /patient-share/v3/on-share}) as the simulator
 * accepted it: the share's REQUEST-ID ({@code response.requestId}), {@code SUCCESS} or {@code FAILED},
 * the token number the clinic gave the patient, the counter ({@code profile.context}), the token's
 * {@code expiry} as sent (seconds), the ABHA address, ABDM-style {@code error} code and message for a
 * failure (else empty), and when it arrived (simulator clock). Fields the HIP did not send are empty.
 */
public record OnShareReply(String requestId, String status, String tokenNumber, String context, String expiry,
        String abhaAddress, String errorCode, String errorMessage, Instant at) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    public boolean success() {
        return SUCCESS.equals(status);
    }
}
