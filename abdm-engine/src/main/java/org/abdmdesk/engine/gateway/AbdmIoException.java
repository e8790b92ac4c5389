package org.abdmdesk.engine.gateway;

import java.io.IOException;
import org.abdmdesk.engine.error.AbdmException;

/**
 * Carries an {@link AbdmException} through OkHttp's interceptor chain, which only lets
 * {@link IOException}s out. {@link GatewayHttp} unwraps it at the boundary.
 */
final class AbdmIoException extends IOException {
    private static final long serialVersionUID = 1L;

    AbdmIoException(AbdmException cause) {
        super(cause.getMessage(), cause);
    }

    AbdmException abdm() {
        return (AbdmException) getCause();
    }
}
