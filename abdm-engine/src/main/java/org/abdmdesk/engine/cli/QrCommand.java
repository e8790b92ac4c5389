package org.abdmdesk.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.abdmdesk.engine.abha.PartialDate;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.qr.AbhaQrParser;
import org.abdmdesk.engine.qr.AbhaQrProfile;
import org.abdmdesk.engine.qr.ImageFileException;
import org.abdmdesk.engine.qr.NotAbhaQrException;
import org.abdmdesk.engine.qr.QrImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code qr}: QR tools for the command line, for checking a photo of an ABHA card or a screenshot of the
 * ABHA app without the workstation. {@code qr decode IMAGE} prints the patient's ABHA QR details as JSON
 * (exit 0) or one clear sentence on stderr (exit 1). Add it as a subcommand of the main CLI, or run it
 * alone with {@code new CommandLine(new QrCommand()).execute(args)}.
 */
@Command(name = "qr", resourceBundle = QrCommand.BUNDLE,
        subcommands = QrCommand.Decode.class)
public final class QrCommand implements Callable<Integer> {
    static final String BUNDLE = "org.abdmdesk.engine.cli.qr";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final Locale locale;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    /** Sentences in the JVM's default language. */
    public QrCommand() {
        this(Locale.getDefault());
    }

    /** Sentences on stderr in {@code locale} (English, or Hindi for {@code hi}). */
    public QrCommand(Locale locale) {
        this.locale = Objects.requireNonNull(locale);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** {@code qr decode IMAGE}: reads the ABHA QR in a PNG/JPEG picture and prints it as JSON. */
    @Command(name = "decode", resourceBundle = Decode.BUNDLE)
    static final class Decode implements Callable<Integer> {
        static final String BUNDLE = "org.abdmdesk.engine.cli.qrDecode";
        private static final ObjectMapper JSON = new ObjectMapper();

        @ParentCommand
        private QrCommand parent;

        @Spec
        private CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
        private boolean help;

        @Parameters(index = "0", paramLabel = "IMAGE", descriptionKey = "image")
        private Path image;

        @Option(names = "--suffix", paramLabel = "SUFFIX", defaultValue = AbhaQrParser.SANDBOX_SUFFIX,
                descriptionKey = "suffix")
        private String suffix;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Locale locale = parent == null ? Locale.getDefault() : parent.locale;
            String file = Optional.ofNullable(image.getFileName()).map(Path::toString).orElse(image.toString());
            try {
                Optional<String> text = new QrImageDecoder().decode(image);
                if (text.isEmpty()) {
                    err.println(sentence(locale, "noQr", file));
                    return FAILED;
                }
                AbhaQrProfile profile = AbhaQrParser.parse(text.get(), suffix);
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(profile)));
                return OK;
            } catch (ImageFileException e) {
                err.println(e.userMessage(locale));
            } catch (NotAbhaQrException e) {
                err.println(sentence(locale, "notAbha", file, e.userMessage(locale)));
            } catch (JsonProcessingException | RuntimeException e) {
                err.println(sentence(locale, "unexpected", file, e.getClass().getSimpleName()));
            } finally {
                out.flush();
                err.flush();
            }
            return FAILED;
        }

        /** The fields a script needs, in a fixed order; absent values are {@code null}. */
        static Map<String, Object> toJson(AbhaQrProfile p) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("abhaNumber", p.abhaNumber().map(AbhaNumber::hyphenated).orElse(null));
            json.put("abhaAddress", p.abhaAddress().full());
            json.put("name", p.name().orElse(null));
            json.put("gender", p.gender() == Gender.UNKNOWN ? null : p.gender().code());
            json.put("dob", p.dateOfBirth().map(PartialDate::toString).orElse(null));
            json.put("state", p.stateName().orElse(null));
            json.put("district", p.districtName().orElse(null));
            json.put("stateLgd", p.stateLgd().orElse(null));
            json.put("districtLgd", p.districtLgd().orElse(null));
            json.put("mobile", p.mobileShown().orElse(null));
            json.put("address", p.address().orElse(null));
            return json;
        }

        private static String sentence(Locale locale, String key, Object... args) {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            return new MessageFormat(pattern, locale).format(args);
        }
    }
}
