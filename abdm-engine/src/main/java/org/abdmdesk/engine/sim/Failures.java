package org.abdmdesk.engine.sim;

/**
 * How the simulator logs an unexpected exception: its class and where it was thrown, never its message,
 * because a message can carry what the simulator handles (decrypted Aadhaar numbers, OTPs, names).
 */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? e.getClass().getName() : e.getClass().getName() + " at " + trace[0];
    }
}
