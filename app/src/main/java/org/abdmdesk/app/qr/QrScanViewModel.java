package org.abdmdesk.app.qr;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.engine.qr.AbhaQrParser;
import org.abdmdesk.engine.qr.AbhaQrProfile;
import org.abdmdesk.engine.qr.NotAbhaQrException;
import org.abdmdesk.engine.qr.QrImageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading a patient's ABHA QR (VRFY_ABHA_501) from the camera or an image file. The scan loop runs
 * on a background thread (grab, decode, parse); the first ABHA QR goes to registration as
 * unverified details. A QR that is not an ABHA QR shows why and saves nothing.
 */
public final class QrScanViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QrScanViewModel.class);

    private final Supplier<FrameSource> camera;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Executor ui;
    private final String cmSuffix;
    private final Consumer<AbhaQrProfile> found;
    private final QrImageDecoder decoder = new QrImageDecoder();
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Thread loop;

    public QrScanViewModel(Supplier<FrameSource> camera, DialogService dialogs, I18n i18n, Executor ui,
            String cmSuffix, Consumer<AbhaQrProfile> found) {
        this.camera = Objects.requireNonNull(camera);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.i18n = Objects.requireNonNull(i18n);
        this.ui = Objects.requireNonNull(ui);
        this.cmSuffix = Objects.requireNonNull(cmSuffix);
        this.found = Objects.requireNonNull(found);
        status.set(i18n.get("qr.intro"));
    }

    /** Starts the camera and scans until a QR is read or {@link #stop()} is called. */
    public void startCamera() {
        if (scanning.get()) {
            return;
        }
        error.set("");
        status.set(i18n.get("qr.camera.starting"));
        scanning.set(true);
        loop = Thread.ofVirtual().name("qr-scan").start(() -> scan(camera.get(), true));
    }

    /** Asks for an image file and reads the QR in it. */
    public void openImageFile() {
        Optional<Path> file = dialogs.chooseImageFile(i18n.get("qr.file.choose"));
        file.ifPresent(this::scanFile);
    }

    /** Reads the QR in {@code file} (used by "Open image file..."). */
    public void scanFile(Path file) {
        stop();
        error.set("");
        scanning.set(true);
        loop = Thread.ofVirtual().name("qr-file").start(() -> scan(new ImageFileFrameSource(file), false));
    }

    public void stop() {
        if (loop != null) {
            loop.interrupt();
            loop = null;
        }
        scanning.set(false);
    }

    @Override
    public void close() {
        stop();
    }

    private void scan(FrameSource source, boolean keepTrying) {
        try (source) {
            source.open();
            ui.execute(() -> status.set(i18n.get(keepTrying ? "qr.camera.looking" : "qr.file.reading")));
            while (!Thread.currentThread().isInterrupted()) {
                BufferedImage frame = source.grab();
                Optional<String> text = decoder.decode(frame);
                if (text.isPresent()) {
                    handle(text.get());
                    return;
                }
                if (!keepTrying) {
                    ui.execute(() -> fail(i18n.get("qr.noQrFound")));
                    return;
                }
                Thread.sleep(150);
            }
        } catch (FrameSourceException e) {
            ui.execute(() -> fail(i18n.get(e.messageKey())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(String text) {
        try {
            AbhaQrProfile profile = AbhaQrParser.parse(text, cmSuffix);
            LOG.info("ABHA QR read (ABHA Number present: {})", profile.abhaNumber().isPresent());
            ui.execute(() -> {
                scanning.set(false);
                status.set(i18n.get("qr.read"));
                found.accept(profile);
            });
        } catch (NotAbhaQrException e) {
            LOG.info("a QR was read but it is not an ABHA QR: {}", e.reason());
            ui.execute(() -> fail(e.userMessage(i18n.locale())));
        }
    }

    private void fail(String message) {
        scanning.set(false);
        error.set(message);
        status.set("");
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
