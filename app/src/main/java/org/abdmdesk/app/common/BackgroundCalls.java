package org.abdmdesk.app.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.abdmdesk.engine.error.AbdmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one engine call at a time on a virtual thread and delivers its result on the UI executor
 * (the FX thread in the app). {@link #cancel()} interrupts the call; the engine then raises
 * {@link AbdmException.Kind#CANCELLED}, and a result that still arrives after a cancel is dropped.
 */
public final class BackgroundCalls {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundCalls.class);

    private final Executor ui;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private Thread current;
    private long generation;

    public BackgroundCalls(Executor ui) {
        this.ui = Objects.requireNonNull(ui);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Starts {@code call}; ignored while another call runs. Must be called on the UI thread. */
    public <T> void run(String what, Call<T> call, Consumer<T> onSuccess, Consumer<AbdmException> onFailure) {
        if (running.get()) {
            return;
        }
        long myGeneration = ++generation;
        running.set(true);
        current = Thread.ofVirtual().name("abdm-call-" + what).start(() -> {
            try {
                T result = call.call();
                ui.execute(() -> finish(myGeneration, () -> onSuccess.accept(result)));
            } catch (AbdmException e) {
                LOG.info("{} failed: {} {}", what, e.kind(), e.code().orElse(""));
                ui.execute(() -> finish(myGeneration, () -> onFailure.accept(e)));
            } catch (RuntimeException e) {
                LOG.warn("{} failed unexpectedly: {}", what, e.getClass().getName());
                AbdmException wrapped = new AbdmException(AbdmException.Kind.UNEXPECTED_RESPONSE, null, null, 0,
                        null, what + " failed: " + e.getClass().getName(), e);
                ui.execute(() -> finish(myGeneration, () -> onFailure.accept(wrapped)));
            }
        });
    }

    /** Interrupts the running call; its result (if any) is dropped. Must be called on the UI thread. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        generation++;
        current.interrupt();
        current = null;
        running.set(false);
    }

    private void finish(long callGeneration, Runnable deliver) {
        if (callGeneration != generation) {
            return;
        }
        current = null;
        running.set(false);
        deliver.run();
    }
}
