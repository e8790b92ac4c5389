package org.abdmdesk.app.share;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.abdmdesk.engine.share.ShareEvent;
import org.abdmdesk.engine.share.ShareListener;

/**
 * Passes each handled profile share to whoever watches (the queue screens), on the dispatcher's
 * thread; watchers hop to the UI thread themselves. Given to the share handler at wiring time.
 */
public final class ShareFeed implements ShareListener {
    private final List<Consumer<ShareEvent>> watchers = new CopyOnWriteArrayList<>();

    @Override
    public void shared(ShareEvent event) {
        watchers.forEach(w -> w.accept(event));
    }

    /** Starts telling {@code watcher}; the returned handle stops it. */
    public Runnable watch(Consumer<ShareEvent> watcher) {
        watchers.add(Objects.requireNonNull(watcher, "watcher"));
        return () -> watchers.remove(watcher);
    }
}
