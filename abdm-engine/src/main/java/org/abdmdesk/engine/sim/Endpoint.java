package org.abdmdesk.engine.sim;

/** One simulated API operation. Refusals are thrown as {@link SimError}. */
@FunctionalInterface
interface Endpoint {
    SimResponse handle(SimRequest request);
}
