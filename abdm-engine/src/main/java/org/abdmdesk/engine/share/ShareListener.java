package org.abdmdesk.engine.share;

/**
 * Told of each handled profile share (the queue screen refreshes), on the dispatcher's thread; the
 * app hops to its UI thread. A share handled again after a crash is told again.
 */
@FunctionalInterface
public interface ShareListener {
    void shared(ShareEvent event);
}
