package org.abdmdesk.engine.sim;

/** Masked forms for logs and messages: only the last 4 characters survive. */
final class Masks {
    private Masks() {
    }

    static String mobile(String mobile) {
        if (mobile == null) {
            return "null";
        }
        return mobile.length() <= 4 ? "****" : "******" + mobile.substring(mobile.length() - 4);
    }
}
