package org.abdmdesk.app.common;

/** Calls back about once a second while started; the FX one uses a Timeline, tests tick by hand. */
public interface Ticker {
    /** Starts calling {@code tick}; the returned handle stops it. */
    Runnable everySecond(Runnable tick);
}
