package org.abdmdesk.app.support;

import java.util.ArrayList;
import java.util.List;
import org.abdmdesk.app.common.Ticker;

/** A ticker the test fires by hand; {@link #tick()} calls every running callback once. */
public final class ManualTicker implements Ticker {
    private final List<Runnable> running = new ArrayList<>();

    @Override
    public synchronized Runnable everySecond(Runnable tick) {
        running.add(tick);
        return () -> remove(tick);
    }

    public void tick() {
        List<Runnable> now;
        synchronized (this) {
            now = List.copyOf(running);
        }
        now.forEach(Runnable::run);
    }

    public synchronized int runningCount() {
        return running.size();
    }

    private synchronized void remove(Runnable tick) {
        running.remove(tick);
    }
}
