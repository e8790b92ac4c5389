package org.abdmdesk.engine.gateway;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Stamps every attempt with a fresh {@code REQUEST-ID} (random UUID), the {@code TIMESTAMP} from
 * the injected clock and the {@code X-CM-ID}. It sits inside the retry and session interceptors, so
 * a retried request never reuses a REQUEST-ID (ABDM refuses duplicates).
 */
final class CommonHeadersInterceptor implements Interceptor {
    static final String REQUEST_ID = "REQUEST-ID";
    static final String TIMESTAMP = "TIMESTAMP";
    static final String CM_ID = "X-CM-ID";

    private final Clock clock;
    private final String cmId;

    CommonHeadersInterceptor(Clock clock, String cmId) {
        this.clock = clock;
        this.cmId = cmId;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder()
                .header(REQUEST_ID, UUID.randomUUID().toString())
                .header(TIMESTAMP, Timestamps.format(clock.instant()))
                .header(CM_ID, cmId)
                .build());
    }
}
