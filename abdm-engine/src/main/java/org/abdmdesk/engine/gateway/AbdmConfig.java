package org.abdmdesk.engine.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where ABDM lives and who this clinic is: the gateway base (sessions), the ABHA V3 base, the
 * consent-manager id ({@code sbx} in the sandbox) and the client credentials. Build one from the
 * clinic's settings and hand it to {@code AbhaClient.create}. Base URLs may end with a slash or not.
 * {@link #toString()} never shows the client secret.
 */
public record AbdmConfig(URI gatewayBaseUrl, URI abhaBaseUrl, String cmId, String clientId, String clientSecret,
        Duration callTimeout) {

    /** What care_abdm uses per call; the whole call (retries included) must finish within it. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final URI SANDBOX_GATEWAY = URI.create("https://dev.abdm.gov.in/api/hiecm");
    public static final URI SANDBOX_ABHA = URI.create("https://abhasbx.abdm.gov.in/abha/api");

    public AbdmConfig {
        requireHttp(gatewayBaseUrl, "gatewayBaseUrl");
        requireHttp(abhaBaseUrl, "abhaBaseUrl");
        Objects.requireNonNull(cmId, "cmId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (cmId.isBlank()) {
            throw new IllegalArgumentException("cmId is blank");
        }
        cmId = cmId.strip();
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
        }
    }

    /** With the default call timeout of 10 s. */
    public AbdmConfig(URI gatewayBaseUrl, URI abhaBaseUrl, String cmId, String clientId, String clientSecret) {
        this(gatewayBaseUrl, abhaBaseUrl, cmId, clientId, clientSecret, DEFAULT_CALL_TIMEOUT);
    }

    /** The public ABDM sandbox ({@code sbx}). */
    public static AbdmConfig sandbox(String clientId, String clientSecret) {
        return new AbdmConfig(SANDBOX_GATEWAY, SANDBOX_ABHA, "sbx", clientId, clientSecret);
    }

    public AbdmConfig withCallTimeout(Duration timeout) {
        return new AbdmConfig(gatewayBaseUrl, abhaBaseUrl, cmId, clientId, clientSecret, timeout);
    }

    /** {@code {gatewayBaseUrl}/gateway/v3/sessions}. */
    public URI sessionsUrl() {
        return join(gatewayBaseUrl, "gateway/v3/sessions");
    }

    /** {@code {abhaBaseUrl}/{path}}, e.g. {@code abhaUrl("v3/profile/account")}. */
    public URI abhaUrl(String path) {
        return join(abhaBaseUrl, path);
    }

    @Override
    public String toString() {
        return "AbdmConfig[gateway=" + gatewayBaseUrl + ", abha=" + abhaBaseUrl + ", cmId=" + cmId + ", clientId="
                + clientId + ", clientSecret=" + (clientSecret.isEmpty() ? "(empty)" : "****") + ", callTimeout="
                + callTimeout + "]";
    }

    static URI join(URI base, String path) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return URI.create(b + "/" + p);
    }

    private static void requireHttp(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + uri);
        }
    }
}
