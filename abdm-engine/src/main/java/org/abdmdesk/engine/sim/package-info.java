/**
 * The offline ABDM simulator: gateway session + ABHA V3 (enrolment, login, profile, card, QR) and the
 * HIE-CM gateway's side of scan &amp; share (bridge registration, JWKS, signed callbacks to the bridge,
 * on-share) over real HTTP on 127.0.0.1. Entry point: {@link org.abdmdesk.engine.sim.AbdmSimulator#start};
 * fixtures: {@link org.abdmdesk.engine.sim.SeedData}; callback JWTs for tests elsewhere:
 * {@link org.abdmdesk.engine.sim.CallbackSigner}.
 *
 * <p>Which of ABDM's error shapes (abha-v3.md section 7.1) each refusal uses, so clients meet all of them:
 * <ul>
 * <li>field map, 400 ({@code {"<field>":"...","timestamp":"dd-MM-yyyy HH:mm:ss"}}): malformed JSON
 *     ({@code body}), missing/invalid fields (on-share names them dotted, e.g.
 *     {@code acknowledgement.profile.tokenNumber}), fields that do not decrypt, ABHA-address policy;</li>
 * <li>nested {@code {"error":{code,message}}}: ABDM-1016 bad TIMESTAMP (400), ABDM-1032 bad REQUEST-ID (400),
 *     a REQUEST-ID already accepted (400: ABDM-1094 on bridge/url, ABDM-1087 on on-share, else ABDM-1064),
 *     ABDM-2403 missing/wrong X-CM-ID on HIE-CM paths (400), ABDM-1030 on-share for a share never sent (400),
 *     ABDM-1087 a second on-share for one share (400),
 *     ABDM-1204 UIDAI (wrong/expired Aadhaar OTP, invalid or unknown Aadhaar; 400), ABDM-1100 blocked (429),
 *     ABDM-1022 resend within 60 s (429), ABDM-1015 wrong client credentials at sessions (401), ABDM-9999 (500);</li>
 * <li>flat {@code {code,message}}: ABDM-1042 wrong/expired ABDM OTP (400), ABDM-1114 "User not found." (404),
 *     {@code 1434} address already in use (400), ABDM-1094 "X-token expired" (401), ABDM-1006 "T-token expired" (401);
 *     and the API gateway's {@code {"code":"900901",message,description}} (401) for a missing/unknown/expired
 *     session token;</li>
 * <li>array {@code [{code,message}]}, 400: ABDM-1006 ("Transaction is not found", "Invalid scope",
 *     "Invalid loginHint", "Invalid otpSystem", "Invalid mobile number", ...);</li>
 * <li>status report {@code {"code":"404","type":"Status report","message":...}}: unknown path (404), wrong
 *     method (405), body over 1 MiB (413).</li>
 * </ul>
 */
package org.abdmdesk.engine.sim;
