package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The body every OTP-verifying call shares ({@code auth/byAbdm}, {@code profile/login/verify},
 * {@code phr/web/login/abha/verify}): {@code scope} and {@code authData.otp.{txnId, otpValue}}, the
 * OTP decrypted with the simulator's key. Field errors come back in ABDM's field-map shape.
 */
record OtpAuthBody(Set<String> scope, String txnId, String otp) {

    static OtpAuthBody read(SimRequest request) {
        JsonNode body = request.json();
        Fields f = new Fields();
        Set<String> scope = Set.copyOf(f.texts(body, "scope", "Invalid scope"));
        JsonNode otpNode = body.path("authData").path("otp");
        f.texts(body.path("authData"), "authMethods", "AuthMethod cannot be null or empty");
        String txnId = f.text(otpNode, "txnId", "Invalid Transaction Id");
        f.text(otpNode, "otpValue", "Invalid OTP Value");
        f.done();
        String otp = f.encrypted(otpNode, "otpValue", "Invalid OTP Value");
        f.done();
        return new OtpAuthBody(scope, txnId, otp);
    }

    /** The login transaction this body names, checked to be of {@code flow} and of the same scope. */
    Txn loginTxn(SimState state, Txn.Flow flow, String wrongFlowMessage) {
        Txn txn = state.txn(txnId);
        if (txn.flow != flow) {
            throw AbdmErrors.invalid(wrongFlowMessage);
        }
        if (!scope.equals(txn.scope)) {
            throw AbdmErrors.invalid("Invalid scope");
        }
        return txn;
    }
}
