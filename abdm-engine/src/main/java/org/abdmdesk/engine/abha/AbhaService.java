package org.abdmdesk.engine.abha;

import java.util.List;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.identity.Otp;

/**
 * The ABHA (M1) operations a front desk needs, over ABDM's V3 ABHA APIs. Every call is blocking
 * and may be interrupted (the thread's interrupt cancels the HTTP call and raises an
 * {@link AbdmException} of kind {@code CANCELLED}). Aadhaar numbers, OTPs, mobiles and passwords
 * are RSA-OAEP encrypted with ABDM's certificate inside the implementation, never before.
 *
 * <p>Transaction ids ({@code txnId}) returned by one step are passed to the next; ABDM may hand back
 * a new one at any step, so callers always carry forward the latest.
 */
public interface AbhaService {

    // ---- Enrolment by Aadhaar OTP (CRT_ABHA_101..114) ----

    /** Sends an OTP to the Aadhaar-linked mobile. Calling it again is "resend". */
    OtpSent requestEnrolmentOtp(AadhaarNumber aadhaar) throws AbdmException;

    /** Verifies the Aadhaar OTP and enrols (or returns the existing ABHA: {@link Enrolment#isNew()}). */
    Enrolment enrolByAadhaar(String txnId, Otp otp, MobileNumber communicationMobile) throws AbdmException;

    /** When the communication mobile differs from the Aadhaar-linked one: OTP to that mobile. */
    OtpSent requestMobileVerificationOtp(String txnId, MobileNumber mobile) throws AbdmException;

    /** Verifies the communication-mobile OTP; returns the txnId to carry on with. */
    String verifyMobileOtp(String txnId, Otp otp) throws AbdmException;

    /** ABHA address suggestions (bare usernames, no suffix). */
    List<String> suggestAddresses(String txnId) throws AbdmException;

    /** Creates the ABHA address {@code username} (no suffix) and makes it preferred. */
    CreatedAddress createAbhaAddress(String txnId, String username) throws AbdmException;

    // ---- Enrolment by mobile OTP + driving licence (CRT_ABHA_401..) ----

    OtpSent requestDrivingLicenceMobileOtp(MobileNumber mobile) throws AbdmException;

    /** Verifies the mobile OTP of the driving-licence flow; returns the txnId to carry on with. */
    String verifyDrivingLicenceMobileOtp(String txnId, Otp otp) throws AbdmException;

    /** Submits the driving licence; the result is a provisional enrolment to be verified at a facility. */
    DocumentEnrolment enrolByDrivingLicence(String txnId, DrivingLicenceApplication application)
            throws AbdmException;

    // ---- Verification / login of an existing ABHA (VRFY_ABHA_*) ----

    /** Starts verification: sends an OTP for the given identifier by the given route. */
    OtpSent requestLoginOtp(LoginRequest request) throws AbdmException;

    /**
     * Verifies the login OTP. For ABHA number, ABHA address and Aadhaar logins the result carries a
     * user token; for mobile logins it carries the accounts on that mobile and a transfer token, and
     * one account must then be chosen with {@link #selectAccount}.
     */
    LoginResult verifyLoginOtp(LoginRequest request, String txnId, Otp otp) throws AbdmException;

    /** Mobile login: picks one of the accounts on that mobile. */
    UserToken selectAccount(LoginResult mobileLogin, AbhaNumber abhaNumber) throws AbdmException;

    // ---- With a user token ----

    AbhaProfile profile(UserToken token) throws AbdmException;

    /** The ABHA card as ABDM renders it (PNG, PDF or SVG: see {@link Document#contentType()}). */
    Document abhaCard(UserToken token) throws AbdmException;

    /** The patient's ABHA QR code as an image. */
    Document qrCode(UserToken token) throws AbdmException;
}
