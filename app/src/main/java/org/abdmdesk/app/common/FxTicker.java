package org.abdmdesk.app.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** A {@link Ticker} on the FX animation clock. */
public final class FxTicker implements Ticker {
    @Override
    public Runnable everySecond(Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
