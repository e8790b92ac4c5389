package org.abdmdesk.relay.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.abdmdesk.relay.config.ConfigException;
import org.abdmdesk.relay.i18n.Messages;
import org.abdmdesk.relay.store.StoreException;
import picocli.CommandLine;

/** Picocli set-up shared by all commands: output streams and one-line errors instead of stack traces. */
public final class CliSupport {
    /** Exit code when a command failed. */
    public static final int FAILED = 1;
    /** Exit code for bad usage (picocli's own). */
    public static final int USAGE = 2;
    /** Exit code when the named clinic does not exist. */
    public static final int NOT_FOUND = 3;

    private CliSupport() {
    }

    /** A configured command line around {@code root}. */
    public static CommandLine commandLine(Object root, PrintWriter out, PrintWriter err) {
        Messages text = Messages.forLocale(Locale.getDefault());
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, args) -> {
            err.println(text.get("cli.usageError", e.getMessage()));
            err.println(text.get("cli.seeHelp"));
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CommandFailure f) {
                err.println(text.get(f.key(), f.args()));
                return f.exitCode();
            }
            if (e instanceof ConfigException c) {
                err.println(text.get(c.key(), c.args()));
                return FAILED;
            }
            if (e instanceof StoreException s) {
                err.println(text.get("cli.storeError", s.getMessage(), rootCause(s)));
                return FAILED;
            }
            err.println(text.get("cli.unexpected", rootCause(e)));
            return FAILED;
        });
        return cli;
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
