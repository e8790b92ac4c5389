package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.abdmdesk.engine.qr.FacilityQr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patient's ABHA app in the simulator: scanning a clinic's counter QR ("Scan &amp; Share") makes the
 * gateway send the patient's profile to the clinic's bridge ({@code POST {bridge}/api/v3/hip/patient/share},
 * {@code X-HIP-ID}); the clinic's {@code on-share} answer carries the token number the phone shows
 * ({@link #addTokenListener}). Get it from {@link AbdmSimulator#patientPhone()}. Thread-safe.
 */
public final class PatientPhone {
    static final String SHARE_PATH = "/api/v3/hip/patient/share";
    private static final Logger LOG = LoggerFactory.getLogger(PatientPhone.class);

    private final SimState state;
    private final String clientId;
    private final List<BridgeService> services;
    private final ShareBook book;
    private final CallbackSender sender;
    private final Clock clock;
    private final ObjectMapper json;

    PatientPhone(SimState state, String clientId, List<BridgeService> services, ShareBook book, CallbackSender sender,
            Clock clock, ObjectMapper json) {
        this.state = state;
        this.clientId = clientId;
        this.services = services;
        this.book = book;
        this.sender = sender;
        this.clock = clock;
        this.json = json;
    }

    private record Share(URI bridge, Account account, String abhaAddress) {
    }

    /**
     * The patient with this ABHA ({@code 91-1357-2468-0131}, 14 digits, {@code asha.verma@sbx} or
     * {@code asha.verma}) scans {@code qrText} (the URL {@code https://phrsbx.abdm.gov.in/share-profile?hip-id=..&counter-id=..}
     * or the legacy JSON {@code {"hipId":..,"code":..}}) and presses Share. The share goes to the bridge in
     * the background (see {@link AbdmSimulator#callbacks()}); this returns its REQUEST-ID, which the clinic's
     * on-share must quote as {@code response.requestId}. The ABHA address shared is the one given, else the
     * account's preferred one.
     *
     * @throws ScanRefusedException not a counter QR, a facility that is not a registered HIP, an unknown
     *     ABHA, or no bridge registered
     */
    public String scanCounterQr(String qrText, String abhaNumberOrAddress) {
        FacilityQr qr = FacilityQr.parse(qrText).orElseThrow(() -> new ScanRefusedException(
                ScanRefusedException.Reason.NOT_A_COUNTER_QR, "not a facility counter QR"));
        BridgeService hip = services.stream().filter(s -> s.id().equalsIgnoreCase(qr.hipId()) && s.isHip())
                .findFirst().orElseThrow(() -> new ScanRefusedException(ScanRefusedException.Reason.UNKNOWN_HIP,
                        "no HIP " + qr.hipId() + " is registered with the gateway"));
        Share share = state.locked(() -> {
            Optional<String> address = addressOf(abhaNumberOrAddress);
            Account account = find(abhaNumberOrAddress, address).orElseThrow(() -> new ScanRefusedException(
                    ScanRefusedException.Reason.UNKNOWN_ABHA, "no such ABHA"));
            URI bridge = state.bridge(clientId).orElseThrow(() -> new ScanRefusedException(
                    ScanRefusedException.Reason.NO_BRIDGE, "no bridge URL is registered for client " + clientId
                            + " (PATCH /gateway/v3/bridge/url)"));
            return new Share(bridge, account, address.orElse(account.preferredAddress()));
        });
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        byte[] body = body(share, hip.id(), qr.counterId());
        book.sent(new ShareBook.SentShare(requestId, hip.id(), qr.counterId(), share.abhaAddress(), now));
        sender.send(new CallbackSender.Callback(requestId, share.bridge(), SHARE_PATH, "X-HIP-ID", hip.id(), body));
        LOG.info("profile share {} for HIP {} counter {} sent to the bridge", requestId, hip.id(), qr.counterId());
        return requestId;
    }

    /** Tells {@code listener} of every on-share answer (the phone shows the token number), on the HTTP thread. */
    public void addTokenListener(Consumer<OnShareReply> listener) {
        book.addListener(listener);
    }

    /** Every on-share answer accepted so far, oldest first. */
    public List<OnShareReply> replies() {
        return book.replies();
    }

    /** A full ABHA address when {@code id} is one (a bare username gets {@code @sbx}); empty for a number. */
    private static Optional<String> addressOf(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.replace("-", "").matches("\\d{14}")) {
            return Optional.empty();
        }
        return Optional.of(s.contains("@") ? s : s + SimState.SUFFIX);
    }

    private Optional<Account> find(String id, Optional<String> address) {
        return address.isPresent() ? state.accountByAddress(address.get())
                : state.account(id == null ? "" : id.strip().replace("-", ""));
    }

    private byte[] body(Share share, String hipId, String counterId) {
        try {
            return json.writeValueAsBytes(ProfileJson.profileShare(share.account(), share.abhaAddress(), hipId,
                    counterId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the share body", e);
        }
    }
}
