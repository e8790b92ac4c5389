package org.abdmdesk.engine.qr;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.abdmdesk.engine.error.AbdmException;

/**
 * Thrown by {@link AbhaQrParser} when scanned text is not a patient's ABHA QR. The desk shows
 * {@link #userMessage(Locale)}; {@link #reason()} lets code react (for example, a counter QR scanned by
 * mistake). The technical message names only the reason, never the scanned content.
 */
public final class NotAbhaQrException extends AbdmException {
    private static final long serialVersionUID = 1L;

    /** Why the text was refused. */
    public enum Reason {
        /** Nothing was scanned. */
        EMPTY,
        /** The clinic's own Scan &amp; Share counter QR (see {@link #facilityQr()}). */
        FACILITY_COUNTER_QR,
        /** Some other web link. */
        WEB_LINK,
        /** Plain text, not JSON. */
        NOT_JSON,
        /** JSON, but not a single object (an array, a string, a number). */
        NOT_AN_OBJECT,
        /** A JSON object without {@code hidn}, {@code hid} or {@code phr}. */
        NO_IDENTIFIER,
        /** {@code hidn} is not a 14-digit ABHA number. */
        BAD_ABHA_NUMBER,
        /** {@code hid}/{@code phr} is not an ABHA address. */
        BAD_ABHA_ADDRESS
    }

    private final Reason reason;
    private final transient FacilityQr facilityQr;

    NotAbhaQrException(Reason reason) {
        this(reason, null);
    }

    NotAbhaQrException(Reason reason, FacilityQr facilityQr) {
        super(Kind.INVALID_INPUT, null, null, 0, null, "not an ABHA QR: " + reason, null);
        this.reason = Objects.requireNonNull(reason);
        this.facilityQr = facilityQr;
    }

    public Reason reason() {
        return reason;
    }

    /** The counter QR that was scanned, when {@link #reason()} is {@link Reason#FACILITY_COUNTER_QR}. */
    public Optional<FacilityQr> facilityQr() {
        return Optional.ofNullable(facilityQr);
    }

    /** What happened and what to do, from this package's bundle (English or Hindi). */
    @Override
    public String advice(Locale locale) {
        String key = "notAbha." + reason.name();
        if (facilityQr != null) {
            return QrText.sentence(locale, key, facilityQr.hipId(), facilityQr.counterId());
        }
        return QrText.sentence(locale, key);
    }
}
