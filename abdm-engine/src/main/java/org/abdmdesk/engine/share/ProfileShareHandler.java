package org.abdmdesk.engine.share;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.abdmdesk.engine.callback.CallbackHandler;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.outbox.OutboxMessage;
import org.abdmdesk.engine.patient.AbhaAlreadyTaggedException;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientDetails;
import org.abdmdesk.engine.patient.PatientRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles ABDM's scan-and-share callback ({@code POST /api/v3/hip/patient/share}, abdm-gateway-v3.md
 * section 2.1): reads the profile, finds the patient by ABHA number, else by ABHA address, else
 * registers a new one (one ABHA, one patient), gives a queue token from {@link ShareTokens} and
 * queues the {@code on-share} reply with the token number through the outbox. A wrong intent,
 * missing or foreign metadata, or a profile without an ABHA or a name is answered with a FAILED
 * on-share (ABDM-1049 / ABDM-1050 / ABDM-1006) and nothing is stored.
 *
 * <p>Idempotent, as the dispatcher requires: every step is keyed by the callback's REQUEST-ID (the
 * patient is found again, the token is found again, the reply's outbox id is derived from it), so a
 * callback handled twice gives one token and one queued reply. Register it with
 * {@code CallbackDispatcher.builder(inbound).on(ProfileShareHandler.PATH, handler)}.
 */
public final class ProfileShareHandler implements CallbackHandler {
    /** The callback path on the bridge. */
    public static final String PATH = "/api/v3/hip/patient/share";
    /** The reply's path on the gateway. */
    public static final String ON_SHARE_PATH = "patient-share/v3/on-share";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileShareHandler.class);

    private final ShareSettings settings;
    private final PatientRepository patients;
    private final ShareTokens tokens;
    private final Predicate<OutboxMessage> outbox;
    private final Clock clock;
    private final ShareBodies bodies;
    private final List<ShareListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * {@code cmSuffix} completes an ABHA address shared without one ({@code sbx} in the sandbox);
     * {@code outbox} stores each reply for sending and says whether it was new: {@code OutboxSender::enqueue}
     * (which also wakes the sender), or {@code Outbox::enqueue} in tests.
     */
    public ProfileShareHandler(ShareSettings settings, PatientRepository patients, ShareTokens tokens,
            Predicate<OutboxMessage> outbox, Clock clock, String cmSuffix) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.patients = Objects.requireNonNull(patients, "patients");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bodies = new ShareBodies(new ObjectMapper(), Objects.requireNonNull(cmSuffix, "cmSuffix"));
    }

    public void addListener(ShareListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ShareListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void handle(InboundCallback callback) throws AbhaAlreadyTaggedException {
        Instant now = clock.instant();
        SharedProfile share;
        try {
            share = bodies.read(callback.body(), callback.header("X-HIP-ID").orElse("").strip(), settings.hipId());
        } catch (ShareRefusal refusal) {
            LOG.info("Profile share {} refused: {}", callback.requestId(), refusal.code());
            reply(callback, bodies.failure(callback.requestId(), bodies.sharedAddress(callback.body()), refusal.code(),
                    refusal.getMessage()), now);
            return;
        }
        Found found = patientFor(share);
        ShareToken token = tokens.issue(new TokenRequest(callback.requestId(), share.counter(), day(now),
                share.abhaNumber(), share.abhaAddress(), found.patient().id(), now, now.plus(settings.validity())));
        long expiry = Math.max(1, Duration.between(now, token.expiresAt()).toSeconds());
        reply(callback, bodies.success(callback.requestId(), share.sharedAddress(), token.counter(), token.number(),
                expiry), now);
        boolean repeat = !token.requestId().equals(callback.requestId());
        LOG.info("Profile share {}: patient {} ({}), counter {} token {}{}", callback.requestId(),
                found.patient().mrn(), found.created() ? "new" : "returning", token.counter(), token.number(),
                repeat ? " (repeat share)" : "");
        ShareEvent event = new ShareEvent(token, found.patient(), found.created(), repeat);
        for (ShareListener listener : listeners) {
            try {
                listener.shared(event);
            } catch (RuntimeException e) {
                LOG.warn("A share listener failed on {}: {}", callback.requestId(), e.getClass().getSimpleName());
            }
        }
    }

    private record Found(Patient patient, boolean created) {
    }

    private LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, settings.zone());
    }

    private void reply(InboundCallback callback, String body, Instant now) {
        outbox.test(OutboxMessage.replyTo(callback.requestId(), ON_SHARE_PATH,
                Map.of("X-HIP-ID", settings.hipId()), body, now));
    }

    /** By ABHA number, else by ABHA address, else a new patient (looked up again if another desk won the race). */
    private Found patientFor(SharedProfile share) throws AbhaAlreadyTaggedException {
        Optional<Patient> known = find(share);
        if (known.isPresent()) {
            return new Found(enriched(known.get(), share), false);
        }
        try {
            return new Found(patients.register(details(share)), true);
        } catch (AbhaAlreadyTaggedException e) {
            Optional<Patient> again = find(share);
            if (again.isPresent()) {
                return new Found(again.get(), false);
            }
            throw e;
        }
    }

    private Optional<Patient> find(SharedProfile share) {
        Optional<Patient> byNumber = share.abhaNumber().flatMap(patients::findByAbhaNumber);
        return byNumber.isPresent() ? byNumber : share.abhaAddress().flatMap(patients::findByAbhaAddress);
    }

    /** A returning patient gets the ABHA number or address they shared if the record lacks it (and no one else has it). */
    private Patient enriched(Patient p, SharedProfile share) {
        boolean addNumber = p.abhaNumber().isEmpty() && share.abhaNumber().isPresent();
        boolean addAddress = share.abhaAddress().isPresent() && !p.abhaAddresses().contains(share.abhaAddress().get());
        if (!addNumber && !addAddress) {
            return p;
        }
        List<AbhaAddress> addresses = new ArrayList<>(p.abhaAddresses());
        if (addAddress) {
            addresses.add(share.abhaAddress().get());
        }
        Optional<AbhaAddress> preferred = p.preferredAbhaAddress().or(share::abhaAddress);
        try {
            return patients.update(p.id(), new PatientDetails(p.name(), p.gender(), p.birthDate(), p.mobile(),
                    p.abhaNumber().or(share::abhaNumber), addresses, preferred, p.address(), p.districtName(),
                    p.stateName(), p.pinCode()));
        } catch (AbhaAlreadyTaggedException e) {
            LOG.info("Patient {}: the shared ABHA is tagged to another patient; record left as it was", p.mrn());
            return p;
        }
    }

    private static PatientDetails details(SharedProfile s) {
        return new PatientDetails(s.name(), s.gender(), s.birthDate(), s.mobile(), s.abhaNumber(),
                s.abhaAddress().stream().toList(), s.abhaAddress(), s.addressLine(), s.district(), s.state(),
                s.pinCode());
    }
}
