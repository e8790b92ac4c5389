package org.abdmdesk.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.abdmdesk.engine.fidelius.Fidelius;
import org.abdmdesk.engine.fidelius.FideliusException;
import org.abdmdesk.engine.fidelius.FideliusKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fidelius}: ABDM health-data encryption from the command line, for checking a data push by hand or
 * testing against another HIP/HIU. {@code keypair} prints fresh key material as JSON, {@code encrypt} turns
 * plaintext bytes into a base64 ciphertext, {@code decrypt} turns a base64 ciphertext back into the plaintext
 * bytes. Input comes from {@code --in FILE} or stdin. On any failure the command prints one sentence on stderr,
 * nothing on stdout, and exits 1. Keys are never printed except by {@code keypair}.
 */
@Command(name = "fidelius", resourceBundle = FideliusCommand.BUNDLE,
        subcommands = {FideliusCommand.Keypair.class, FideliusCommand.Encrypt.class, FideliusCommand.Decrypt.class})
public final class FideliusCommand implements Callable<Integer> {
    static final String BUNDLE = "org.abdmdesk.engine.cli.fidelius";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final Locale locale;
    private final InputStream stdin;
    private final OutputStream stdout;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
    private boolean help;

    /** Sentences in the JVM's default language; input from {@code System.in}, plaintext to {@code System.out}. */
    public FideliusCommand() {
        this(Locale.getDefault(), System.in, System.out);
    }

    /**
     * Sentences on stderr in {@code locale} (English, or Hindi for {@code hi}); {@code stdin} is read when there
     * is no {@code --in}, and {@code decrypt} writes the plaintext bytes to {@code stdout} (text output such as
     * JSON and base64 goes to picocli's out writer).
     */
    public FideliusCommand(Locale locale, InputStream stdin, OutputStream stdout) {
        this.locale = Objects.requireNonNull(locale);
        this.stdin = Objects.requireNonNull(stdin);
        this.stdout = Objects.requireNonNull(stdout);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    private static Locale locale(FideliusCommand parent) {
        return parent == null ? Locale.getDefault() : parent.locale;
    }

    private static byte[] readInput(FideliusCommand parent, Path in) throws IOException {
        if (in != null) {
            return Files.readAllBytes(in);
        }
        return (parent == null ? System.in : parent.stdin).readAllBytes();
    }

    static String sentence(Locale locale, String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        return new MessageFormat(pattern, locale).format(args);
    }

    /** One line on stderr for a failure; never includes key, nonce or payload values. */
    private static int fail(CommandSpec spec, Locale locale, Exception e, Path in) {
        PrintWriter err = spec.commandLine().getErr();
        String line = switch (e) {
            case FideliusException f -> sentence(locale, "error." + f.reason().name());
            case IOException _ when in != null -> sentence(locale, "cannotRead", in);
            case IOException _ -> sentence(locale, "cannotReadStdin");
            default -> sentence(locale, "unexpected", e.getClass().getSimpleName());
        };
        err.println(sentence(locale, "failed", spec.name(), line));
        err.flush();
        return FAILED;
    }

    /** {@code fidelius keypair}: prints privateKey, publicKey, x509PublicKey and nonce (base64) as JSON. */
    @Command(name = "keypair", resourceBundle = Keypair.BUNDLE, exitCodeOnInvalidInput = FAILED)
    static final class Keypair implements Callable<Integer> {
        static final String BUNDLE = "org.abdmdesk.engine.cli.fideliusKeypair";
        private static final ObjectMapper JSON = new ObjectMapper();

        @ParentCommand
        private FideliusCommand parent;

        @Spec
        private CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
        private boolean help;

        @Override
        public Integer call() {
            FideliusKeyPair pair = FideliusKeyPair.generate();
            Map<String, String> json = new LinkedHashMap<>();
            json.put("privateKey", pair.privateKey());
            json.put("publicKey", pair.publicKey());
            json.put("x509PublicKey", pair.x509PublicKey());
            json.put("nonce", pair.nonce());
            try {
                PrintWriter out = spec.commandLine().getOut();
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
                out.flush();
                return OK;
            } catch (JsonProcessingException e) {
                return fail(spec, locale(parent), e, null);
            }
        }
    }

    /** {@code fidelius encrypt}: plaintext bytes (file or stdin) to a base64 ciphertext on stdout. */
    @Command(name = "encrypt", resourceBundle = Encrypt.BUNDLE, exitCodeOnInvalidInput = FAILED)
    static final class Encrypt implements Callable<Integer> {
        static final String BUNDLE = "org.abdmdesk.engine.cli.fideliusEncrypt";

        @ParentCommand
        private FideliusCommand parent;

        @Spec
        private CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
        private boolean help;

        @Option(names = "--sender-private-key", required = true, paramLabel = "B64", descriptionKey = "senderPrivateKey")
        private String senderPrivateKey;

        @Option(names = "--sender-nonce", required = true, paramLabel = "B64", descriptionKey = "senderNonce")
        private String senderNonce;

        @Option(names = "--requester-public-key", required = true, paramLabel = "B64",
                descriptionKey = "requesterPublicKey")
        private String requesterPublicKey;

        @Option(names = "--requester-nonce", required = true, paramLabel = "B64", descriptionKey = "requesterNonce")
        private String requesterNonce;

        @Option(names = "--in", paramLabel = "FILE", descriptionKey = "in")
        private Path in;

        @Override
        public Integer call() {
            try {
                String ciphertext = Fidelius.encrypt(readInput(parent, in), senderPrivateKey, senderNonce,
                        requesterPublicKey, requesterNonce);
                PrintWriter out = spec.commandLine().getOut();
                out.println(ciphertext);
                out.flush();
                return OK;
            } catch (FideliusException | IOException | RuntimeException e) {
                return fail(spec, locale(parent), e, in);
            }
        }
    }

    /** {@code fidelius decrypt}: a base64 ciphertext (file or stdin) to the plaintext bytes on stdout. */
    @Command(name = "decrypt", resourceBundle = Decrypt.BUNDLE, exitCodeOnInvalidInput = FAILED)
    static final class Decrypt implements Callable<Integer> {
        static final String BUNDLE = "org.abdmdesk.engine.cli.fideliusDecrypt";

        @ParentCommand
        private FideliusCommand parent;

        @Spec
        private CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "help")
        private boolean help;

        @Option(names = "--requester-private-key", required = true, paramLabel = "B64",
                descriptionKey = "requesterPrivateKey")
        private String requesterPrivateKey;

        @Option(names = "--requester-nonce", required = true, paramLabel = "B64", descriptionKey = "requesterNonce")
        private String requesterNonce;

        @Option(names = "--sender-public-key", required = true, paramLabel = "B64", descriptionKey = "senderPublicKey")
        private String senderPublicKey;

        @Option(names = "--sender-nonce", required = true, paramLabel = "B64", descriptionKey = "senderNonce")
        private String senderNonce;

        @Option(names = "--in", paramLabel = "FILE", descriptionKey = "in")
        private Path in;

        @Override
        public Integer call() {
            byte[] plaintext;
            try {
                String ciphertext = new String(readInput(parent, in), StandardCharsets.US_ASCII).strip();
                plaintext = Fidelius.decrypt(ciphertext, requesterPrivateKey, requesterNonce, senderPublicKey,
                        senderNonce);
            } catch (FideliusException | IOException | RuntimeException e) {
                return fail(spec, locale(parent), e, in);
            }
            try {
                OutputStream out = parent == null ? System.out : parent.stdout;
                out.write(plaintext);
                out.flush();
                return OK;
            } catch (IOException e) {
                return fail(spec, locale(parent), e, null);
            }
        }
    }
}
