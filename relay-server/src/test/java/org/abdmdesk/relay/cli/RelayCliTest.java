package org.abdmdesk.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abdmdesk.relay.RelayCli;
import org.abdmdesk.relay.store.RelayStore;
import org.abdmdesk.relay.store.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clinic add|list|revoke} and the CLI's error handling (exit codes, one line, no stack trace). */
class RelayCliTest {
    private static final String KEY = "43EthRoOXXm4McXjSrIrQaGYFx3iCbi4+sojoRxiSFk=";
    @TempDir
    Path tmp;
    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RelayCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run add(String name, String hip) {
        return run("clinic", "add", "--data", tmp.toString(), "--name", name, "--hip-id", hip, "--hiu-id",
                hip + "-HIU", "--public-key", KEY);
    }

    @Test
    void addPrintsIdAndCredentialOnceAndStoresOnlyTheSecretsHash() throws Exception {
        Run added = add("Sharma Clinic", "IN0001");

        assertThat(added.code()).isZero();
        Matcher m = Pattern.compile("Credential: (c_[a-z2-7]{16})\\.([A-Za-z0-9_-]{43})").matcher(added.out());
        assertThat(m.find()).as(added.out()).isTrue();
        String id = m.group(1);
        String secret = m.group(2);
        assertThat(added.out()).contains("Clinic id: " + id);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + RelayStore.databaseFile(tmp));
             ResultSet rs = c.createStatement().executeQuery("SELECT secret_sha256, public_key FROM clinics")) {
            rs.next();
            assertThat(rs.getBytes(1)).isEqualTo(Secrets.sha256(secret));
            assertThat(rs.getBytes(2)).isEqualTo(Base64.getDecoder().decode(KEY));
        }
        String file = new String(Files.readAllBytes(RelayStore.databaseFile(tmp)), java.nio.charset.StandardCharsets.ISO_8859_1)
                + (Files.exists(tmp.resolve("relay.db-wal"))
                ? new String(Files.readAllBytes(tmp.resolve("relay.db-wal")), java.nio.charset.StandardCharsets.ISO_8859_1)
                : "");
        assertThat(file).doesNotContain(secret);

        Run list = run("clinic", "list", "--data", tmp.toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains(id).contains("Sharma Clinic").contains("IN0001").contains("active")
                .doesNotContain(secret);
    }

    @Test
    void revokeMarksTheClinicAndAnUnknownIdExitsWith3() {
        Run added = add("Gupta Clinic", "IN0002");
        Matcher m = Pattern.compile("Clinic id: (c_[a-z2-7]{16})").matcher(added.out());
        assertThat(m.find()).isTrue();

        Run revoked = run("clinic", "revoke", "--data", tmp.toString(), "--id", m.group(1));
        Run again = run("clinic", "revoke", "--data", tmp.toString(), "--id", m.group(1));

        assertThat(revoked.code()).isZero();
        assertThat(again.code()).isEqualTo(CliSupport.NOT_FOUND);
        assertThat(again.err().strip()).isEqualTo("Error: no active clinic has the id " + m.group(1) + ".");
        assertThat(run("clinic", "list", "--data", tmp.toString()).out()).contains("revoked");
        assertThat(add("Gupta Clinic again", "IN0002").code()).as("a revoked clinic frees its HIP id").isZero();
    }

    @Test
    void badInputGetsOneLineAndAUsageExitCode() {
        Run badKey = run("clinic", "add", "--data", tmp.toString(), "--name", "X", "--hip-id", "H",
                "--public-key", "bm90IDMyIGJ5dGVz");
        Run missing = run("clinic", "add", "--data", tmp.toString(), "--name", "X");
        Run duplicate = add("Twin", "IN0003");
        Run duplicate2 = add("Twin", "IN0003");

        assertThat(badKey.code()).isEqualTo(CliSupport.USAGE);
        assertThat(badKey.err().strip()).isEqualTo("Error: the public key must be 32 bytes in standard base64.");
        assertThat(missing.code()).isEqualTo(CliSupport.USAGE);
        assertThat(missing.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(duplicate.code()).isZero();
        assertThat(duplicate2.code()).isEqualTo(CliSupport.FAILED);
        assertThat(duplicate2.err().strip()).isEqualTo("Error: an active clinic already uses the facility id IN0003.");
    }

    @Test
    void serveWithoutAJwksUrlFailsWithOneLine() {
        Run serve = run("serve", "--data", tmp.toString(), "--port", "0");

        assertThat(serve.code()).isEqualTo(CliSupport.FAILED);
        assertThat(serve.err().strip()).startsWith("Error: give the gateway JWKS URL").doesNotContain("\n");
    }

    @Test
    void hindiTextIsUsedForAHindiLocale() {
        Locale.setDefault(Locale.forLanguageTag("hi-IN"));

        Run list = run("clinic", "list", "--data", tmp.toString());
        Run help = run("clinic", "add", "--help");

        assertThat(list.out().strip()).isEqualTo("कोई क्लिनिक जुड़ा नहीं है।");
        assertThat(help.out()).contains("क्लिनिक जोड़ें");
    }
}
