package org.abdmdesk.engine.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.abdmdesk.engine.sim.AbdmSimulator;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SimText;
import org.abdmdesk.engine.sim.SimulatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code abdm sim}: runs the offline ABDM simulator until interrupted (Ctrl+C), printing its base
 * URLs (gateway, ABHA, the JWKS its callback JWTs verify against, the bridge), the demo facility and its
 * counter QR, the seeded demo residents, every OTP it "sends" and every token number a clinic answers a
 * profile share with. {@code --bridge URL} registers the clinic's bridge from the start. Aadhaar numbers
 * and OTPs ARE printed here on purpose: they are fake demo data and the simulator plays the patient's phone.
 */
@Command(name = "sim", resourceBundle = SimText.BUNDLE)
public final class SimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8090")
    int port;

    @Option(names = "--client-id", defaultValue = SimulatorConfig.DEMO_CLIENT_ID)
    String clientId;

    @Option(names = "--client-secret", defaultValue = SimulatorConfig.DEMO_CLIENT_SECRET)
    String clientSecret;

    @Option(names = "--bridge", paramLabel = "URL")
    URI bridge;

    private final Locale locale;

    public SimCommand() {
        this(Locale.getDefault());
    }

    public SimCommand(Locale locale) {
        this.locale = locale;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AbdmSimulator sim = start(out);
        Thread hook = new Thread(sim::close, "abdm-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(SimText.get(locale, "sim.stop"));
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook closes the simulator
            }
        }
        out.println(SimText.get(locale, "sim.stopped"));
        out.flush();
        return 0;
    }

    /** Starts the simulator with the parsed options and prints what a demo user needs; does not block. */
    public AbdmSimulator start(PrintWriter out) {
        SimulatorConfig config = SimulatorConfig.defaults().withPort(port).withCredentials(clientId, clientSecret);
        if (bridge != null) {
            try {
                config = config.withBridgeUrl(bridge);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        AbdmSimulator sim = AbdmSimulator.start(config);
        sim.otpInbox().addListener(otp -> {
            out.println(SimText.get(locale, "sim.otp", otp.maskedMobile(), otp.otp(), otp.purpose()));
            out.flush();
        });
        sim.addOnShareListener(reply -> {
            out.println(reply.success() ? SimText.get(locale, "sim.onShare", reply.tokenNumber(), reply.context())
                    : SimText.get(locale, "sim.onShareFailed", reply.errorCode().isEmpty() ? reply.status()
                            : reply.errorCode()));
            out.flush();
        });
        out.println(SimText.get(locale, "sim.banner"));
        out.println(SimText.get(locale, "sim.gatewayUrl", sim.gatewayBaseUrl()));
        out.println(SimText.get(locale, "sim.abhaUrl", sim.abhaBaseUrl()));
        out.println(SimText.get(locale, "sim.client", clientId, clientSecret));
        out.println(SimText.get(locale, "sim.jwksUrl", sim.jwksUrl()));
        out.println(sim.bridgeUrl().map(url -> SimText.get(locale, "sim.bridge", url))
                .orElseGet(() -> SimText.get(locale, "sim.noBridge")));
        out.println(SimText.get(locale, "sim.facility", SeedData.DEMO_HIP_ID, SeedData.DEMO_FACILITY_NAME,
                SeedData.DEMO_COUNTER_QR));
        out.println();
        out.println(SimText.get(locale, "sim.residents"));
        for (SeedData.DemoResident r : SeedData.DEMO_RESIDENTS) {
            out.println("  " + SimText.get(locale, "sim.resident", r.aadhaar(), r.name(), r.aadhaarMobile(),
                    r.scenario(locale)));
        }
        out.println("  " + SimText.get(locale, "sim.otherMobile", SeedData.OTHER_MOBILE));
        out.println("  " + SimText.get(locale, "sim.existing", SeedData.ABHA_EXISTING, SeedData.ABHA_ADDRESS_EXISTING,
                SeedData.AADHAAR_WITH_ABHA, SeedData.ABHA_EXISTING_MOBILE));
        out.println("  " + SimText.get(locale, "sim.family", SeedData.MOBILE_FAMILY, SeedData.MOBILE_NO_ABHA));
        out.println("  " + SimText.get(locale, "sim.taken", SeedData.TAKEN_ADDRESS));
        out.flush();
        return sim;
    }
}
