package org.abdmdesk.app.share;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Ticker;
import org.abdmdesk.engine.abha.Document;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.qr.QrCodes;
import org.abdmdesk.engine.share.ShareToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan-and-share screen (SHARE_PATIENT_PROFILE_701): the counter QR to show or print, and the
 * live token queue of the chosen counter, refreshed when a share arrives and every second (expired
 * tokens drop off). Commands: call the next waiting token, mark the selected one done, open its
 * patient in registration, print its token slip, print the counter QR.
 */
public final class ShareQueueViewModel implements AutoCloseable {
    static final int QR_PIXELS = 720;
    private static final Logger LOG = LoggerFactory.getLogger(ShareQueueViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ShareServices services;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Clock clock;
    private final Consumer<Patient> openPatient;
    private final ObservableList<String> counters;
    private final ObjectProperty<String> counter = new SimpleObjectProperty<>(this, "counter");
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper qrText = new ReadOnlyStringWrapper(this, "qrText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Runnable stopTicker;
    private final Runnable stopFeed;

    /**
     * {@code ui} runs work on the UI thread (shares arrive on the dispatcher's thread);
     * {@code openPatient} shows a patient in the registration form.
     */
    public ShareQueueViewModel(ShareServices services, DialogService dialogs, I18n i18n, Clock clock, Ticker ticker,
            Executor ui, Consumer<Patient> openPatient) {
        this.services = Objects.requireNonNull(services);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        this.openPatient = Objects.requireNonNull(openPatient);
        this.counters = FXCollections.observableArrayList(services.settings().counters());
        counter.addListener((o, a, n) -> {
            qrText.set(n == null ? "" : services.counterQr(n));
            refresh();
        });
        counter.set(counters.get(0));
        this.stopFeed = services.feed().watch(event -> ui.execute(() -> {
            refresh();
            if (event.token().counter().equals(counter.get())) {
                message.set(i18n.get(event.repeat() ? "share.message.repeat" : "share.message.arrived",
                        event.token().number()));
            }
        }));
        this.stopTicker = ticker.everySecond(this::refreshQuietly);
    }

    /** Reads the queue of the chosen counter again; keeps the selection on the same token. */
    public void refresh() {
        String c = counter.get();
        Instant now = clock.instant();
        List<QueueRow> fresh = services.tokens().live(now).stream().filter(t -> t.counter().equals(c))
                .sorted(Comparator.comparing(ShareToken::day).thenComparingInt(ShareToken::number))
                .map(t -> row(t, now)).flatMap(Optional::stream).toList();
        if (!fresh.equals(rows)) {
            Long keep = selected.get() == null ? null : selected.get().tokenId();
            rows.setAll(fresh);
            selected.set(keep == null ? null : fresh.stream().filter(r -> r.tokenId() == keep).findFirst().orElse(null));
        }
    }

    /** The timer's refresh: a store that fails (or closed at exit) is logged, not thrown at the UI thread. */
    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("The token queue could not be read: {}", e.getClass().getSimpleName());
        }
    }

    /** Calls the waiting token with the lowest number and selects it. */
    public void callNext() {
        refresh();
        Optional<QueueRow> next = rows.stream().filter(r -> r.status() == ShareToken.Status.WAITING).findFirst();
        if (next.isEmpty()) {
            message.set(i18n.get("share.message.noneWaiting"));
            return;
        }
        services.tokens().setStatus(next.get().tokenId(), ShareToken.Status.CALLED);
        refresh();
        rows.stream().filter(r -> r.tokenId() == next.get().tokenId()).findFirst().ifPresent(selected::set);
        message.set(i18n.get("share.message.called", next.get().number()));
    }

    /** Marks the selected token done (the patient was seen). */
    public void markDone() {
        QueueRow row = selected.get();
        if (row == null) {
            message.set(i18n.get("share.message.selectFirst"));
            return;
        }
        services.tokens().setStatus(row.tokenId(), ShareToken.Status.DONE);
        refresh();
        message.set(i18n.get("share.message.done", row.number()));
    }

    /** Opens the selected token's patient in the registration form. */
    public void openSelected() {
        QueueRow row = selected.get();
        if (row == null) {
            message.set(i18n.get("share.message.selectFirst"));
            return;
        }
        services.patients().findById(row.patientId()).ifPresentOrElse(openPatient,
                () -> message.set(i18n.get("share.message.noPatient")));
    }

    /** Prints the selected token's slip. */
    public void printSlip() {
        QueueRow row = selected.get();
        if (row == null) {
            message.set(i18n.get("share.message.selectFirst"));
            return;
        }
        Document slip = TokenSlip.render(i18n.get("share.slip.heading", row.counter()),
                Integer.toString(row.number()), List.of(row.name(), i18n.get("share.slip.time", row.time())));
        if (!dialogs.print(slip)) {
            LOG.info("Token slip for token {} not printed", row.tokenId());
        }
    }

    /** Prints the chosen counter's QR, large, for the desk. */
    public void printQr() {
        dialogs.print(new Document("image/png", qrPng()));
    }

    /** The chosen counter's QR as a PNG. */
    public byte[] qrPng() {
        return QrCodes.renderPng(qrText.get(), QR_PIXELS);
    }

    @Override
    public void close() {
        stopTicker.run();
        stopFeed.run();
    }

    public ObservableList<String> counters() {
        return counters;
    }

    public ObjectProperty<String> counterProperty() {
        return counter;
    }

    public ObservableList<QueueRow> rows() {
        return rows;
    }

    public ObjectProperty<QueueRow> selectedProperty() {
        return selected;
    }

    /** The chosen counter's QR text (ABDM's share-profile URL). */
    public ReadOnlyStringProperty qrTextProperty() {
        return qrText.getReadOnlyProperty();
    }

    /** What just happened ("Token 7 called"). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private Optional<QueueRow> row(ShareToken t, Instant now) {
        Optional<Patient> found = services.patients().findById(t.patientId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Patient p = found.get();
        String abha = p.abhaNumber().or(t::abhaNumber).map(AbhaNumber::masked)
                .orElseGet(() -> t.abhaAddress().or(p::preferredAbhaAddress).map(AbhaAddress::full).orElse(""));
        ZoneId zone = services.settings().zone();
        String gender = i18n.get("gender." + p.gender().name());
        String ageGender = p.birthDate().map(b -> i18n.get("share.ageGender", age(b, LocalDate.ofInstant(now, zone)),
                gender)).orElse(gender);
        return Optional.of(new QueueRow(t.id(), p.id(), t.counter(), t.number(), p.name(), abha, ageGender,
                TIME.format(t.createdAt().atZone(zone)), t.status(), i18n.get("share.status." + t.status().name())));
    }

    private static int age(PartialDate birth, LocalDate today) {
        return birth.toLocalDate().map(d -> Period.between(d, today).getYears())
                .orElse(today.getYear() - birth.year());
    }
}
