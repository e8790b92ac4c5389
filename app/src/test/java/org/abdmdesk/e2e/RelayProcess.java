package org.abdmdesk.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay as a real, separate process started from {@code relay.jar} (system property set by failsafe), the way
 * an operator runs it: {@code clinic add} to register, {@code serve} to run, SIGKILL to crash it.
 */
final class RelayProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Relay listening on (http://[0-9.]+:(\\d+))");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential: (c_[a-z2-7]+\\.\\S+)");

    private final Process process;
    private final URI baseUri;

    private RelayProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /** {@code java -jar relay.jar clinic add ...}: returns the credential it prints once. */
    static String addClinic(Path data, String name, String hipId, String publicKeyBase64) throws Exception {
        Process add = new ProcessBuilder(java(), "-jar", jar(), "clinic", "add", "--data", data.toString(),
                "--name", name, "--hip-id", hipId, "--public-key", publicKeyBase64).redirectErrorStream(true).start();
        String out = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!add.waitFor(60, TimeUnit.SECONDS) || add.exitValue() != 0) {
            throw new AssertionError("clinic add failed: " + out);
        }
        Matcher m = CREDENTIAL.matcher(out);
        if (!m.find()) {
            throw new AssertionError("clinic add printed no credential: " + out);
        }
        return m.group(1);
    }

    /**
     * {@code java -jar relay.jar serve} on loopback; waits up to 30 s for its "Relay listening" line.
     *
     * @param port 0 for any free port
     * @throws IOException if the relay exits without listening (e.g. the port is taken)
     */
    static RelayProcess serve(Path data, URI jwksUrl, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar(), "serve",
                "--data", data.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--jwks-url", jwksUrl.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().name("relay-out").start(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            listening.completeExceptionally(new IOException("the relay exited without listening"));
        });
        try {
            return new RelayProcess(process, listening.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw e.getCause() instanceof IOException io ? io : e;
        }
    }

    URI baseUri() {
        return baseUri;
    }

    int port() {
        return baseUri.getPort();
    }

    /** {@code ws://host:port/ws}: what a workstation's settings hold. */
    URI webSocketUri() {
        return URI.create("ws://" + baseUri.getHost() + ":" + baseUri.getPort() + "/ws");
    }

    /** SIGKILL (no shutdown hook, no clean close) and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the relay did not die");
        }
    }

    /** SIGTERM: the relay's clean shutdown. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jar() {
        String jar = System.getProperty("relay.jar");
        if (jar == null) {
            throw new AssertionError("system property relay.jar is not set (run through failsafe)");
        }
        return jar;
    }
}
