package org.abdmdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FideliusCommandTest {
    static final Locale HINDI = Locale.forLanguageTag("hi");
    static final String PLAINTEXT = "{\"resourceType\":\"Bundle\",\"note\":\"दवा\"}\r\n";

    @TempDir
    Path dir;

    record Run(int exitCode, String out, byte[] binaryOut, String err) {
    }

    Run run(Locale locale, byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new FideliusCommand(locale, new ByteArrayInputStream(stdin), binary));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), binary.toByteArray(), err.toString());
    }

    JsonNode keypair() throws Exception {
        Run r = run(Locale.ENGLISH, new byte[0], "keypair");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        return new ObjectMapper().readTree(r.out());
    }

    String encrypt(JsonNode hip, JsonNode hiu, String requesterKeyField, byte[] stdin, String... more) {
        String[] base = {"encrypt", "--sender-private-key", hip.get("privateKey").asText(),
                "--sender-nonce", hip.get("nonce").asText(),
                "--requester-public-key", hiu.get(requesterKeyField).asText(),
                "--requester-nonce", hiu.get("nonce").asText()};
        String[] args = Stream.concat(Arrays.stream(base), Arrays.stream(more))
                .toArray(String[]::new);
        Run r = run(Locale.ENGLISH, stdin, args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.binaryOut()).isEmpty();
        return r.out();
    }

    Run decrypt(Locale locale, JsonNode hip, JsonNode hiu, String senderKeyField, byte[] stdin, String... more) {
        String[] base = {"decrypt", "--requester-private-key", hiu.get("privateKey").asText(),
                "--requester-nonce", hiu.get("nonce").asText(),
                "--sender-public-key", hip.get(senderKeyField).asText(),
                "--sender-nonce", hip.get("nonce").asText()};
        String[] args = Stream.concat(Arrays.stream(base), Arrays.stream(more))
                .toArray(String[]::new);
        return run(locale, stdin, args);
    }

    @Test
    void keypairPrintsTheFourFieldsAsJson() throws Exception {
        JsonNode json = keypair();

        assertThat(json.properties()).extracting(e -> e.getKey())
                .containsExactly("privateKey", "publicKey", "x509PublicKey", "nonce");
        assertThat(Base64.getDecoder().decode(json.get("publicKey").asText())).hasSize(65);
        assertThat(Base64.getDecoder().decode(json.get("x509PublicKey").asText())).hasSize(309);
        assertThat(Base64.getDecoder().decode(json.get("nonce").asText())).hasSize(32);
    }

    @Test
    void encryptsStdinAndDecryptsAFileBackToTheSameBytes() throws Exception {
        JsonNode hip = keypair();
        JsonNode hiu = keypair();
        byte[] plaintext = PLAINTEXT.getBytes(StandardCharsets.UTF_8);

        String ciphertext = encrypt(hip, hiu, "publicKey", plaintext);
        Path file = Files.writeString(dir.resolve("ct.txt"), ciphertext);
        Run r = decrypt(Locale.ENGLISH, hip, hiu, "x509PublicKey", new byte[0], "--in", file.toString());

        assertThat(ciphertext).endsWith("\n");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEmpty();
        assertThat(r.binaryOut()).isEqualTo(plaintext);
    }

    @Test
    void encryptsAFileAndDecryptsStdin() throws Exception {
        JsonNode hip = keypair();
        JsonNode hiu = keypair();
        byte[] plaintext = {0, 1, 2, (byte) 0xff, '\n'};
        Path file = Files.write(dir.resolve("pt.bin"), plaintext);

        String ciphertext = encrypt(hip, hiu, "x509PublicKey", new byte[0], "--in", file.toString());
        Run r = decrypt(Locale.ENGLISH, hip, hiu, "publicKey", ciphertext.getBytes(StandardCharsets.US_ASCII));

        assertThat(r.exitCode()).isZero();
        assertThat(r.binaryOut()).isEqualTo(plaintext);
    }

    @Test
    void aTamperedCiphertextFailsWithOneLineAndNothingOnStdout() throws Exception {
        JsonNode hip = keypair();
        JsonNode hiu = keypair();
        byte[] sealed = Base64.getDecoder().decode(encrypt(hip, hiu, "publicKey", "hello".getBytes()).strip());
        sealed[0] ^= 1;

        Run r = decrypt(Locale.ENGLISH, hip, hiu, "publicKey", Base64.getEncoder().encode(sealed));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.binaryOut()).isEmpty();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("fidelius decrypt failed: the data could not be authenticated: the keys or "
                + "nonces are wrong, or the data was changed." + System.lineSeparator());
    }

    @Test
    void failuresAreSaidInHindi() throws Exception {
        JsonNode hip = keypair();
        JsonNode hiu = keypair();

        Run r = decrypt(HINDI, hip, hiu, "publicKey", "not base64!".getBytes());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.binaryOut()).isEmpty();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("विफल").contains("base64").hasLineCount(1);
    }

    @Test
    void aMissingFileOrAWrongKeyFailsWithExitOne() throws Exception {
        JsonNode hip = keypair();
        JsonNode hiu = keypair();

        Run missing = decrypt(Locale.ENGLISH, hip, hiu, "publicKey", new byte[0], "--in",
                dir.resolve("nope.txt").toString());
        Run wrongKey = decrypt(Locale.ENGLISH, hip, hiu, "nonce", "AAAA".getBytes());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.txt").hasLineCount(1);
        assertThat(missing.binaryOut()).isEmpty();
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.err()).contains("neither a 65-byte").hasLineCount(1);
        assertThat(wrongKey.binaryOut()).isEmpty();
    }

    @Test
    void aMissingOptionIsAUsageErrorWithExitOneAndNothingOnStdout() {
        Run r = run(Locale.ENGLISH, new byte[0], "decrypt", "--requester-nonce", "AAAA");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.binaryOut()).isEmpty();
        assertThat(r.err()).contains("Missing required option");
    }

    @Test
    void isASubcommandOfAbdm() {
        CommandLine abdm = new CommandLine(new AbdmCli());

        assertThat(abdm.getSubcommands()).containsKey("fidelius");
        assertThat(abdm.getSubcommands().get("fidelius").getSubcommands()).containsKeys("keypair", "encrypt",
                "decrypt");
    }
}
