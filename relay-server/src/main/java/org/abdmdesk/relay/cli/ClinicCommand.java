package org.abdmdesk.relay.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.abdmdesk.relay.i18n.Messages;
import org.abdmdesk.relay.store.ClinicAdmin;
import org.abdmdesk.relay.store.ClinicRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code clinic add|list|revoke}: the clinic registry in a data directory. */
@Command(name = "clinic", mixinStandardHelpOptions = true,
        subcommands = {ClinicCommand.Add.class, ClinicCommand.ListClinics.class, ClinicCommand.Revoke.class})
public final class ClinicCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                Messages.forLocale(Locale.getDefault()).get("cli.missingCommand"));
    }

    private static Messages text() {
        return Messages.forLocale(Locale.getDefault());
    }

    /** {@code clinic add}: prints the id and the credential once; only SHA-256 of the secret is kept. */
    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Runnable {
        @Spec
        private CommandSpec spec;
        @Option(names = "--data", required = true, descriptionKey = "option.data")
        private Path data;
        @Option(names = "--name", required = true, descriptionKey = "clinic.add.name")
        private String name;
        @Option(names = "--hip-id", descriptionKey = "clinic.add.hipId")
        private String hipId;
        @Option(names = "--hiu-id", descriptionKey = "clinic.add.hiuId")
        private String hiuId;
        @Option(names = "--public-key", required = true, descriptionKey = "clinic.add.publicKey")
        private String publicKey;

        @Override
        public void run() {
            if (name.isBlank()) {
                throw new CommandFailure(CliSupport.USAGE, "clinic.add.blankName");
            }
            Optional<String> hip = Optional.ofNullable(hipId).map(String::trim).filter(s -> !s.isEmpty());
            Optional<String> hiu = Optional.ofNullable(hiuId).map(String::trim).filter(s -> !s.isEmpty());
            if (hip.isEmpty() && hiu.isEmpty()) {
                throw new CommandFailure(CliSupport.USAGE, "clinic.add.noRoutingId");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(publicKey.trim());
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(CliSupport.USAGE, "clinic.add.badKey");
            }
            if (key.length != 32) {
                throw new CommandFailure(CliSupport.USAGE, "clinic.add.badKey");
            }
            try (ClinicAdmin admin = new ClinicAdmin(data, Clock.systemUTC())) {
                ClinicAdmin.Added added = admin.add(name.trim(), hip, hiu, key);
                PrintWriter out = spec.commandLine().getOut();
                out.println(text().get("clinic.add.id", added.clinicId()));
                out.println(text().get("clinic.add.credential", added.credential()));
                out.println(text().get("clinic.add.once"));
            } catch (ClinicAdmin.DuplicateRoutingIdException e) {
                throw new CommandFailure(CliSupport.FAILED, "clinic.add.duplicate", e.getMessage());
            }
        }
    }

    /** {@code clinic list}: ids, names, routing ids, status; never secrets. */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListClinics implements Runnable {
        @Spec
        private CommandSpec spec;
        @Option(names = "--data", required = true, descriptionKey = "option.data")
        private Path data;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
            List<ClinicRecord> clinics;
            try (ClinicAdmin admin = new ClinicAdmin(data, Clock.systemUTC())) {
                clinics = admin.list();
            }
            if (clinics.isEmpty()) {
                out.println(text().get("clinic.list.empty"));
                return;
            }
            out.println(text().get("clinic.list.header"));
            for (ClinicRecord c : clinics) {
                out.println(String.join("\t", c.id(), c.name(), c.hipId().orElse("-"), c.hiuId().orElse("-"),
                        time.format(c.createdAt()),
                        c.active() ? text().get("clinic.list.active")
                                : text().get("clinic.list.revoked", time.format(c.revokedAt().orElseThrow()))));
            }
        }
    }

    /** {@code clinic revoke}: the credential stops working; live connections close within one ping interval. */
    @Command(name = "revoke", mixinStandardHelpOptions = true)
    static final class Revoke implements Runnable {
        @Spec
        private CommandSpec spec;
        @Option(names = "--data", required = true, descriptionKey = "option.data")
        private Path data;
        @Option(names = "--id", required = true, descriptionKey = "clinic.revoke.id")
        private String id;

        @Override
        public void run() {
            try (ClinicAdmin admin = new ClinicAdmin(data, Clock.systemUTC())) {
                if (!admin.revoke(id.trim())) {
                    throw new CommandFailure(CliSupport.NOT_FOUND, "clinic.revoke.notFound", id);
                }
            }
            spec.commandLine().getOut().println(text().get("clinic.revoke.done", id));
        }
    }
}
