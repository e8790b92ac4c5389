package org.abdmdesk.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code abdm} command line of the engine jar ({@code java -jar abdm-engine/target/abdm-engine.jar}):
 * {@code sim} starts the ABDM simulator, {@code qr decode IMAGE} reads a patient's ABHA QR.
 */
@Command(name = "abdm", mixinStandardHelpOptions = true, version = "abdm 0.1",
        description = "ABDM Desk engine tools: the offline ABDM simulator, ABHA QR reading and Fidelius encryption.",
        subcommands = {SimCommand.class, QrCommand.class, FideliusCommand.class, CommandLine.HelpCommand.class})
public final class AbdmCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Logs go to stderr so that stdout carries only the command's output (e.g. JSON).
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "abdm-cli-logback.xml");
        }
        System.exit(new CommandLine(new AbdmCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
