package org.abdmdesk.relay.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the relay's properties file (reference in docs/relay-server.md) over the defaults. Command-line flags
 * win over the file. Unknown keys are refused so that a typo does not silently keep a default.
 */
public final class ConfigLoader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB)?");
    private static final Set<String> KEYS = Set.of("listen.bind", "listen.port", "http.idleTimeout",
            "tls.keystore", "tls.password", "jwt.jwksUrl", "jwt.audience", "jwt.clockSkew", "jwt.jwksCacheTtl",
            "jwt.unknownKidRefetchInterval", "jwt.fetchTimeout", "limits.callbackBytes", "limits.pushBytes",
            "delivery.window", "delivery.retention", "delivery.sweepInterval", "ws.pingInterval",
            "ws.idleTimeout", "sync.paths", "sync.deadline", "rateLimit.wsAuthFailures", "rateLimit.wsAuthWindow");

    private ConfigLoader() {
    }

    /** The command-line part of the configuration; empty values leave the file's or the default. */
    public record Flags(Optional<Integer> port, Path dataDir, Optional<URI> jwksUrl, Optional<Path> configFile,
                        Optional<String> bind) {
    }

    /** Reads the file named by the flags (if any), applies the flags, and checks the result. */
    public static RelayConfig load(Flags flags) {
        Properties p = new Properties();
        if (flags.configFile().isPresent()) {
            Path file = flags.configFile().get();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(reader);
            } catch (IOException e) {
                throw new ConfigException("config.unreadable", file);
            }
        }
        return fromProperties(p, flags);
    }

    static RelayConfig fromProperties(Properties p, Flags flags) {
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException("config.unknownKey", key);
            }
        }
        URI jwks = flags.jwksUrl().or(() -> Optional.ofNullable(p.getProperty("jwt.jwksUrl")).map(ConfigLoader::uri))
                .orElseThrow(() -> new ConfigException("config.jwksMissing"));
        RelayConfig d = RelayConfig.defaults(flags.dataDir(), jwks);

        String bind = flags.bind().orElse(p.getProperty("listen.bind", "0.0.0.0"));
        int port = flags.port().orElseGet(() -> integer(p, "listen.port", 8080));
        if (port < 0 || port > 65535) {
            throw new ConfigException("config.badValue", "listen.port", port);
        }
        RelayConfig.Listen listen = new RelayConfig.Listen(bind, port,
                duration(p, "http.idleTimeout", d.listen().idleTimeout()));

        Optional<RelayConfig.Tls> tls = Optional.ofNullable(p.getProperty("tls.keystore")).map(path -> {
            Path keystore = Path.of(path.trim());
            if (!Files.isReadable(keystore)) {
                throw new ConfigException("config.keystoreUnreadable", keystore);
            }
            String password = Optional.ofNullable(System.getenv("RELAY_TLS_PASSWORD"))
                    .orElse(p.getProperty("tls.password", ""));
            return new RelayConfig.Tls(keystore, password);
        });

        RelayConfig.Jwt jwt = new RelayConfig.Jwt(jwks, p.getProperty("jwt.audience", d.jwt().audience()).trim(),
                duration(p, "jwt.clockSkew", d.jwt().clockSkew()),
                duration(p, "jwt.jwksCacheTtl", d.jwt().jwksCacheTtl()),
                duration(p, "jwt.unknownKidRefetchInterval", d.jwt().unknownKidRefetchInterval()),
                duration(p, "jwt.fetchTimeout", d.jwt().fetchTimeout()));
        RelayConfig.Limits limits = new RelayConfig.Limits(size(p, "limits.callbackBytes", d.limits().callbackBytes()),
                size(p, "limits.pushBytes", d.limits().pushBytes()));
        int window = integer(p, "delivery.window", d.delivery().window());
        if (window < 1) {
            throw new ConfigException("config.badValue", "delivery.window", window);
        }
        RelayConfig.Delivery delivery = new RelayConfig.Delivery(window,
                duration(p, "delivery.retention", d.delivery().retention()),
                duration(p, "delivery.sweepInterval", d.delivery().sweepInterval()));
        RelayConfig.WebSocket ws = new RelayConfig.WebSocket(duration(p, "ws.pingInterval", d.webSocket().pingInterval()),
                duration(p, "ws.idleTimeout", d.webSocket().idleTimeout()));
        List<String> syncPaths = Arrays.stream(p.getProperty("sync.paths", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String path : syncPaths) {
            if (!path.startsWith("/api/v3/")) {
                throw new ConfigException("config.badValue", "sync.paths", path);
            }
        }
        RelayConfig.Sync sync = new RelayConfig.Sync(syncPaths, duration(p, "sync.deadline", d.sync().deadline()));
        RelayConfig.RateLimits rateLimits = new RelayConfig.RateLimits(
                integer(p, "rateLimit.wsAuthFailures", d.rateLimits().wsAuthFailures()),
                duration(p, "rateLimit.wsAuthWindow", d.rateLimits().wsAuthWindow()));
        return new RelayConfig(listen, tls, flags.dataDir(), jwt, limits, delivery, ws, sync, rateLimits);
    }

    private static URI uri(String text) {
        try {
            URI uri = URI.create(text.trim());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new ConfigException("config.badValue", "jwt.jwksUrl", text);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config.badValue", "jwt.jwksUrl", text);
        }
    }

    /** Parses a CLI or file URL for the JWKS. */
    public static URI jwksUri(String text) {
        return uri(text);
    }

    private static int integer(Properties p, String key, int fallback) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("config.badValue", key, value);
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}. */
    static Duration duration(Properties p, String key, Duration fallback) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new ConfigException("config.badValue", key, value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** {@code 1048576}, {@code 512KiB}, {@code 16MiB}. */
    static int size(Properties p, String key, int fallback) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new ConfigException("config.badValue", key, value);
        }
        long n = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
            case "KIB" -> n << 10;
            case "MIB" -> n << 20;
            default -> n;
        };
        if (bytes < 1 || bytes > Integer.MAX_VALUE - 16) {
            throw new ConfigException("config.badValue", key, value);
        }
        return (int) bytes;
    }
}
