package org.abdmdesk.engine.relay;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Unguessable tokens for HIU data pushes (protocol §4.4): the workstation registers one with
 * {@link RelayClient#registerPush} and gives HIPs {@code <public relay URL>/push/<token>}.
 */
public final class PushTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43,}");

    private PushTokens() {
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isWellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }
}
