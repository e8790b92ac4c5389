package org.abdmdesk.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.abdmdesk.engine.error.AbdmException;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {
    @Test
    void failuresBeforeAnyByteWasSentAreRetriedForEveryMethod() {
        assertThat(RetryInterceptor.isRetryable("POST", new ConnectException("refused"))).isTrue();
        assertThat(RetryInterceptor.isRetryable("POST", new UnknownHostException("dns"))).isTrue();
    }

    @Test
    void failuresAfterSendingAreRetriedOnlyForGets() {
        assertThat(RetryInterceptor.isRetryable("GET", new SocketException("reset"))).isTrue();
        assertThat(RetryInterceptor.isRetryable("POST", new SocketException("reset"))).isFalse();
        assertThat(RetryInterceptor.isRetryable("PATCH", new IOException("unexpected end of stream"))).isFalse();
    }

    @Test
    void abdmAnswersAreNeverRetried() {
        assertThat(RetryInterceptor.isRetryable("GET",
                new AbdmIoException(AbdmException.rejected("X", "no", 401, "t")))).isFalse();
    }

    @Test
    void onlyGatewayTroubleStatusesAreRetriedAndOnlyForGets() {
        assertThat(RetryInterceptor.isRetryable("GET", 503)).isTrue();
        assertThat(RetryInterceptor.isRetryable("GET", 502)).isTrue();
        assertThat(RetryInterceptor.isRetryable("GET", 500)).isFalse();
        assertThat(RetryInterceptor.isRetryable("GET", 404)).isFalse();
        assertThat(RetryInterceptor.isRetryable("POST", 503)).isFalse();
    }
}
