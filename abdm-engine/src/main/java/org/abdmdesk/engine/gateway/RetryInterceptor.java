package org.abdmdesk.engine.gateway;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what is safe to retry, a bounded number of times with a small linear backoff:
 * <ul>
 *   <li>a GET (idempotent) after any I/O failure or a 502/503/504;</li>
 *   <li>any method when the connection could not be made, i.e. before a byte was sent.</li>
 * </ul>
 * A POST whose bytes may have reached ABDM is never repeated (a second OTP or a second enrolment
 * would be worse than an error). It is the outermost interceptor, so every attempt runs through
 * the session and header interceptors again and gets a new REQUEST-ID. OkHttp's own silent retry is
 * switched off in {@link GatewayHttp} so this class is the whole retry policy.
 */
final class RetryInterceptor implements Interceptor {
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);

    private final int maxAttempts;
    private final Duration backoff;

    RetryInterceptor(int maxAttempts, Duration backoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        for (int attempt = 1;; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (attempt >= maxAttempts || chain.call().isCanceled() || !isRetryable(request.method(), e)) {
                    throw e;
                }
                pause(attempt);
                continue;
            }
            if (attempt >= maxAttempts || !isRetryable(request.method(), response.code())) {
                return response;
            }
            response.close();
            pause(attempt);
            if (chain.call().isCanceled()) {
                throw new IOException("Canceled");
            }
        }
    }

    /** Whether a failed attempt may be repeated: GETs always, other methods only before sending. */
    static boolean isRetryable(String method, IOException e) {
        if (e instanceof AbdmIoException) {
            return false; // an ABDM answer (e.g. the session refused), not a transport failure
        }
        if (isBeforeAnyByteSent(e)) {
            return true;
        }
        return "GET".equals(method) && !(e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    static boolean isRetryable(String method, int status) {
        return "GET".equals(method) && (status == 502 || status == 503 || status == 504);
    }

    private static boolean isBeforeAnyByteSent(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException;
    }

    private void pause(int attempt) throws InterruptedIOException {
        try {
            Thread.sleep(backoff.multipliedBy(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during retry backoff");
        }
    }
}
