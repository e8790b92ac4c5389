package org.abdmdesk.engine.gateway;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <gateway token>}. When ABDM answers 401 or 400 with code
 * {@code 900901} (token expired or revoked before we expected), it drops the token, fetches a new
 * one and repeats the request once; a second refusal goes back to the caller as it came.
 */
final class SessionInterceptor implements Interceptor {
    static final String TOKEN_REFUSED = "900901";
    private static final long PEEK_LIMIT = 16 * 1024;

    private final GatewaySession session;
    private final ErrorBodies errors;

    SessionInterceptor(GatewaySession session, ErrorBodies errors) {
        this.session = session;
        this.errors = errors;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String token = session.token();
        Response response = chain.proceed(authorized(chain.request(), token));
        if (!isTokenRefused(response)) {
            return response;
        }
        response.close();
        session.invalidate(token);
        return chain.proceed(authorized(chain.request(), session.token()));
    }

    private boolean isTokenRefused(Response response) throws IOException {
        if (response.code() != 401 && response.code() != 400) {
            return false;
        }
        String body = response.peekBody(PEEK_LIMIT).string();
        return errors.code(body).filter(TOKEN_REFUSED::equals).isPresent();
    }

    private static Request authorized(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
