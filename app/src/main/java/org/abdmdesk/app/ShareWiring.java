package org.abdmdesk.app;

import java.time.Clock;
import org.abdmdesk.app.share.ShareFeed;
import org.abdmdesk.app.share.ShareServices;
import org.abdmdesk.engine.outbox.OutboxSender;
import org.abdmdesk.engine.share.ProfileShareHandler;
import org.abdmdesk.engine.share.ShareSettings;
import org.abdmdesk.store.LocalStore;

/** Scan and share, wired: the handler (feeding the queue screens) and the screen's services. */
record ShareWiring(ShareServices services, LocalStore store, Clock clock, String cmSuffix) {

    static ShareWiring of(ShareSettings settings, LocalStore store, Clock clock, String cmSuffix,
            java.net.URI qrHost) {
        return new ShareWiring(new ShareServices(settings, store.shareTokens(), store.patients(), new ShareFeed(),
                qrHost), store, clock, cmSuffix);
    }

    ProfileShareHandler handler(OutboxSender sender) {
        ProfileShareHandler handler = new ProfileShareHandler(services.settings(), store.patients(),
                store.shareTokens(), sender::enqueue, clock, cmSuffix);
        handler.addListener(services.feed());
        return handler;
    }
}
