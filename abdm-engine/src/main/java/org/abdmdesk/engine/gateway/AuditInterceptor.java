package org.abdmdesk.engine.gateway;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per attempt: method, path (never the query), status, REQUEST-ID and duration.
 * Tokens, headers other than REQUEST-ID, and bodies are never logged: bodies carry patient data.
 */
final class AuditInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String requestId = request.header(CommonHeadersInterceptor.REQUEST_ID);
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            LOG.info("ABDM {} {} -> {} [REQUEST-ID {}] {} ms", request.method(), request.url().encodedPath(),
                    response.code(), requestId, elapsedMillis(start));
            return response;
        } catch (IOException e) {
            LOG.info("ABDM {} {} -> failed ({}) [REQUEST-ID {}] {} ms", request.method(),
                    request.url().encodedPath(), e.getClass().getSimpleName(), requestId, elapsedMillis(start));
            throw e;
        }
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
