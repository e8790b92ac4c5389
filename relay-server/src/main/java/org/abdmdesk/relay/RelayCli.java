package org.abdmdesk.relay;

import java.io.PrintWriter;
import java.util.Locale;
import org.abdmdesk.relay.cli.ClinicCommand;
import org.abdmdesk.relay.cli.CliSupport;
import org.abdmdesk.relay.cli.ServeCommand;
import org.abdmdesk.relay.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The relay's one entry point: {@code serve} runs it, {@code clinic add|list|revoke} registers clinics.
 * Exit codes: 0 done, 1 failed (one line on stderr, no stack trace), 2 bad usage, 3 no such clinic.
 */
@Command(name = "relay-server", mixinStandardHelpOptions = true, version = "relay-server 0.1.0",
        resourceBundle = "org.abdmdesk.relay.i18n.messages",
        subcommands = {ServeCommand.class, ClinicCommand.class})
public final class RelayCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                Messages.forLocale(Locale.getDefault()).get("cli.missingCommand"));
    }

    /** Runs the CLI with the given output streams and returns the exit code (tests call this directly). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = CliSupport.commandLine(new RelayCli(), out, err);
        return cli.execute(args);
    }

    public static void main(String[] args) {
        // The relay's own logging setup; named so that it never clashes with an embedding application's logback.xml.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "relay-logback.xml");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(out, err, args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }
}
