package org.abdmdesk.app.share;

import java.net.URI;
import java.util.Objects;
import org.abdmdesk.engine.patient.PatientRepository;
import org.abdmdesk.engine.share.ShareSettings;
import org.abdmdesk.engine.share.ShareTokens;

/**
 * What the scan-and-share screen needs: the clinic's share settings, the tokens and patients in the
 * store, the feed of handled shares, and the PHR host its counter QRs point to
 * ({@code https://phrsbx.abdm.gov.in} in the sandbox and the demo, {@code https://phr.abdm.gov.in} in production).
 */
public record ShareServices(ShareSettings settings, ShareTokens tokens, PatientRepository patients, ShareFeed feed,
        URI qrHost) {
    public static final URI SANDBOX_QR_HOST = URI.create("https://phrsbx.abdm.gov.in");
    public static final URI PRODUCTION_QR_HOST = URI.create("https://phr.abdm.gov.in");

    public ShareServices {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(patients, "patients");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(qrHost, "qrHost");
    }

    /** The counter QR's text (abha-v3.md section 5.2): {@code <host>/share-profile?hip-id=<HIP>&counter-id=<counter>}. */
    public String counterQr(String counter) {
        String host = qrHost.toString().replaceAll("/+$", "");
        return host + "/share-profile?hip-id=" + settings.hipId() + "&counter-id=" + counter;
    }
}
