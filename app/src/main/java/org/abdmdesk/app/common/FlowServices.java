package org.abdmdesk.app.common;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.abdmdesk.engine.abha.AbhaService;

/**
 * What every ABHA workflow view model needs: the ABHA service, texts, dialogs, time (clock plus a
 * ticker to look at it again) and the executor that delivers results to the UI thread.
 */
public record FlowServices(AbhaService abha, I18n i18n, DialogService dialogs, Clock clock, Ticker ticker,
        Executor ui, String cmSuffix) {

    public BackgroundCalls newCalls() {
        return new BackgroundCalls(ui);
    }

    public OtpEntry newOtpEntry() {
        return new OtpEntry(new ResendCountdown(clock, ticker));
    }
}
