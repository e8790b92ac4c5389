package org.abdmdesk.relay.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.abdmdesk.relay.config.ConfigLoader;
import org.abdmdesk.relay.config.RelayConfig;
import org.abdmdesk.relay.i18n.Messages;
import org.abdmdesk.relay.server.RelayServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: runs the relay until SIGTERM/SIGINT, then shuts down cleanly (clinics get close code 1001). */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class ServeCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", descriptionKey = "serve.port")
    private Integer port;

    @Option(names = "--data", required = true, descriptionKey = "option.data")
    private Path data;

    @Option(names = "--jwks-url", descriptionKey = "serve.jwksUrl")
    private String jwksUrl;

    @Option(names = "--config", descriptionKey = "serve.config")
    private Path config;

    @Option(names = "--bind", descriptionKey = "serve.bind")
    private String bind;

    @Override
    public void run() {
        Messages text = Messages.forLocale(Locale.getDefault());
        RelayConfig relayConfig = ConfigLoader.load(new ConfigLoader.Flags(Optional.ofNullable(port), data,
                Optional.ofNullable(jwksUrl).map(ConfigLoader::jwksUri), Optional.ofNullable(config),
                Optional.ofNullable(bind)));
        RelayServer server;
        try {
            server = RelayServer.start(relayConfig, Clock.systemUTC());
        } catch (org.abdmdesk.relay.store.StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandFailure(CliSupport.FAILED, "serve.cannotStart", relayConfig.listen().bind(),
                    relayConfig.listen().port(), CliSupport.rootCause(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "relay-shutdown"));
        spec.commandLine().getOut().println(text.get("serve.listening", server.baseUri(), data.toAbsolutePath()));
        spec.commandLine().getOut().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
