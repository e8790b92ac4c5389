package org.abdmdesk.engine.error;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.i18n.EngineText;

/**
 * The one exception family of the engine. It carries two messages: a technical one
 * ({@link #getMessage()}, for logs; never patient data) and one for the person at the desk
 * ({@link #userMessage(Locale)}): ABDM's code and ABDM's own words when ABDM said something, plus
 * our sentence on what to do next, taken from the engine's message bundle.
 */
public class AbdmException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; decides the fallback advice and whether a retry can help. */
    public enum Kind {
        /** ABDM (or the simulator) answered and refused: bad OTP, unknown ABHA, duplicate address... */
        REJECTED,
        /** The input was refused before anything was sent. */
        INVALID_INPUT,
        /** No answer: connection refused, timeout, network gone. */
        NETWORK,
        /** The gateway session could not be obtained (client id/secret, roles). */
        SESSION,
        /** ABDM answered with something we could not read. */
        UNEXPECTED_RESPONSE,
        /** The person cancelled the call. */
        CANCELLED
    }

    private final Kind kind;
    private final String code;
    private final String abdmMessage;
    private final int httpStatus;
    private final String adviceKey;

    public AbdmException(Kind kind, String code, String abdmMessage, int httpStatus, String adviceKey,
            String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.kind = Objects.requireNonNull(kind);
        this.code = code == null ? null : trimCode(code);
        this.abdmMessage = abdmMessage == null || abdmMessage.isBlank() ? null : abdmMessage.strip();
        this.httpStatus = httpStatus;
        this.adviceKey = adviceKey;
    }

    /** A refusal by ABDM with its code and message, as parsed from the error body. */
    public static AbdmException rejected(String code, String abdmMessage, int httpStatus, String technical) {
        return new AbdmException(Kind.REJECTED, code, abdmMessage, httpStatus, null, technical, null);
    }

    public static AbdmException network(String technical, Throwable cause) {
        return new AbdmException(Kind.NETWORK, null, null, 0, null, technical, cause);
    }

    public static AbdmException invalidInput(String adviceKey, String technical) {
        return new AbdmException(Kind.INVALID_INPUT, null, null, 0, adviceKey, technical, null);
    }

    /** The call was stopped on purpose (thread interrupt, {@code Call.cancel}, client closed). */
    public static AbdmException cancelled(String technical) {
        return new AbdmException(Kind.CANCELLED, null, null, 0, null, technical, null);
    }

    /** ABDM answered with something we could not read (not JSON, empty, a field missing). */
    public static AbdmException unexpected(int httpStatus, String technical) {
        return new AbdmException(Kind.UNEXPECTED_RESPONSE, null, null, httpStatus, null, technical, null);
    }

    public Kind kind() {
        return kind;
    }

    /** ABDM's error code without the trailing ": " some responses carry, e.g. {@code ABDM-1042}. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** ABDM's own sentence, exactly as it came. */
    public Optional<String> abdmMessage() {
        return Optional.ofNullable(abdmMessage);
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * What to tell the person: "[code] ABDM's words — what to do". The advice comes from the
     * bundle, looked up by explicit key, then by ABDM code, then by {@link Kind}.
     */
    public String userMessage(Locale locale) {
        String advice = advice(locale);
        StringBuilder sb = new StringBuilder();
        if (code != null) {
            sb.append('[').append(code).append("] ");
        }
        if (abdmMessage != null) {
            sb.append(abdmMessage);
            if (!advice.isEmpty()) {
                sb.append(" \u2014 ");
            }
        }
        sb.append(advice);
        return sb.toString().strip();
    }

    /** Only our sentence on what to do (no ABDM wording). */
    public String advice(Locale locale) {
        if (adviceKey != null) {
            return EngineText.get(locale, adviceKey);
        }
        if (code != null) {
            Optional<String> byCode = EngineText.find(locale, "error.code." + code);
            if (byCode.isPresent()) {
                return byCode.get();
            }
        }
        return EngineText.get(locale, "error.kind." + kind.name());
    }

    static String trimCode(String raw) {
        String c = raw.strip();
        while (c.endsWith(":")) {
            c = c.substring(0, c.length() - 1).strip();
        }
        return c;
    }
}
