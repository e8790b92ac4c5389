package org.abdmdesk.app.common;

import org.abdmdesk.engine.error.AbdmException;

/** One blocking engine call, run off the FX thread by {@link BackgroundCalls}. */
@FunctionalInterface
public interface Call<T> {
    T call() throws AbdmException;
}
