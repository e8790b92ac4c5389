package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abdmdesk.engine.cli.SimCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimCommandTest {

    private static void await(BooleanSupplier condition, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + deadline);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void printsUrlsResidentsAndEveryOtpMasked() {
        SimCommand command = new SimCommand(Locale.ENGLISH);
        new CommandLine(command).parseArgs("--port", "0", "--client-id", "clinic-1", "--client-secret", "s3cret");
        StringWriter text = new StringWriter();

        try (AbdmSimulator sim = command.start(new PrintWriter(text, true))) {
            assertThat(text.toString()).contains(sim.gatewayBaseUrl().toString(), sim.abhaBaseUrl().toString(),
                    "clinic-1", SeedData.AADHAAR_NEW, SeedData.AADHAAR_WITH_ABHA, SeedData.ABHA_EXISTING,
                    SeedData.MOBILE_FAMILY, SeedData.TAKEN_ADDRESS);

            SimClient client = new SimClient(sim, new MutableClock(Instant.now()));
            assertThat(client.requestSession("clinic-1", "s3cret").status()).isEqualTo(202);
            client.forgetSession();
            assertThat(client.requestSession("abdm-desk-demo", "demo-secret").status()).isEqualTo(401);
        }
    }

    @Test
    void bridgeOptionRegistersTheBridgeAndTheJwksUrlIsPrinted() throws Exception {
        SimCommand command = new SimCommand(Locale.ENGLISH);
        new CommandLine(command).parseArgs("--port", "0", "--bridge", "https://relay.clinic.example/");
        StringWriter text = new StringWriter();

        try (AbdmSimulator sim = command.start(new PrintWriter(text, true))) {
            assertThat(sim.bridgeUrl()).hasValueSatisfying(
                    u -> assertThat(u.toString()).isEqualTo("https://relay.clinic.example/"));
            assertThat(text.toString()).contains(sim.jwksUrl().toString(), "https://relay.clinic.example/",
                    SeedData.DEMO_HIP_ID, SeedData.DEMO_COUNTER_QR);
        }
    }

    @Test
    void withoutBridgeItSaysHowToRegisterOne() {
        SimCommand command = new SimCommand(Locale.ENGLISH);
        new CommandLine(command).parseArgs("--port", "0");
        StringWriter text = new StringWriter();

        try (AbdmSimulator sim = command.start(new PrintWriter(text, true))) {
            assertThat(sim.bridgeUrl()).isEmpty();
            assertThat(text.toString()).contains("PATCH /gateway/v3/bridge/url", "--bridge");
        }
    }

    @Test
    void aBridgeThatIsNotHttpIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand(Locale.ENGLISH));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--port", "0", "--bridge", "ftp://relay.example");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("not an http(s) URL");
    }

    @Test
    void printsTheTokenTheClinicGaveThePatient() throws Exception {
        SimCommand command = new SimCommand(Locale.ENGLISH);
        try (TestBridge bridge = TestBridge.start()) {
            new CommandLine(command).parseArgs("--port", "0", "--bridge", bridge.url().toString());
            StringWriter text = new StringWriter();
            try (AbdmSimulator sim = command.start(new PrintWriter(text, true))) {
                String id = sim.patientScansCounterQr(SeedData.DEMO_COUNTER_QR, SeedData.ABHA_EXISTING);
                bridge.next(Duration.ofSeconds(10));
                SimClient client = new SimClient(sim, new MutableClock(Instant.now()));

                assertThat(client.onShare(SimClient.onShareSuccess(id, SeedData.ABHA_ADDRESS_EXISTING, "desk1", "7"))
                        .status()).isEqualTo(202);

                assertThat(text.toString()).contains("token 7 at counter desk1");
            }
        }
    }

    @Test
    void printsTheOtpTheSimulatedPhoneGot() {
        SimCommand command = new SimCommand(Locale.ENGLISH);
        new CommandLine(command).parseArgs("--port", "0");
        StringWriter text = new StringWriter();

        try (AbdmSimulator sim = command.start(new PrintWriter(text, true))) {
            SimClient client = new SimClient(sim, new MutableClock(Instant.now()));
            assertThat(client.enrolmentOtp(SeedData.AADHAAR_NEW).status()).isEqualTo(200);
            String otp = client.otpFor(SeedData.AADHAAR_NEW_MOBILE);

            assertThat(text.toString()).contains("OTP for ******3210: " + otp);
        }
    }

    @Test
    void runsUntilInterruptedThenFreesThePort() throws Exception {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand(Locale.ENGLISH));
        cli.setOut(new PrintWriter(text, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = Thread.ofPlatform().start(() -> exit.set(cli.execute("--port", "0")));

        Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/abha/api");
        await(() -> url.matcher(text.toString()).find() && text.toString().contains("Ctrl+C"), Duration.ofSeconds(10));
        Matcher m = url.matcher(text.toString());
        assertThat(m.find()).isTrue();
        int port = Integer.parseInt(m.group(1));
        assertThat(canConnect(port)).isTrue();

        runner.interrupt();
        runner.join(Duration.ofSeconds(10));

        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(text.toString()).contains("stopped");
        assertThat(canConnect(port)).isFalse();
    }

    @Test
    void helpTextComesFromTheBundle() {
        String usage = new CommandLine(new SimCommand(Locale.ENGLISH)).getUsageMessage();

        assertThat(usage).contains("--port", "offline ABDM simulator", "Default: 8090");
    }

    private static boolean canConnect(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
