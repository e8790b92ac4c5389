package org.abdmdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the code uses exists in English and Hindi; both bundles have the same keys; no "Health ID". */
class BundleTest {
    private static final Pattern KEY_USE = Pattern.compile("(?:i18n|text)\\.get\\(\"([a-zA-Z0-9_.]*[a-zA-Z0-9_])\"[,)]");
    /** Keys handed around as plain strings before they reach i18n.get (problem keys, dialog titles). */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:dl|phone|create|registration)\\.[a-zA-Z0-9_.]*[a-zA-Z0-9_])\"");

    @Test
    void englishAndHindiHaveTheSameKeys() {
        assertThat(load("messages_hi.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInTheCodeExistsInBothBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                Matcher m = KEY_USE.matcher(source);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher literal = KEY_LITERAL.matcher(source);
                while (literal.find()) {
                    used.add(literal.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        // keys built from a prefix and an enum or statement id
        for (org.abdmdesk.engine.identity.Gender g : org.abdmdesk.engine.identity.Gender.values()) {
            used.add("gender." + g.name());
        }
        for (var m : org.abdmdesk.engine.abha.LoginRequest.Method.values()) {
            used.add("verify.method." + m.name());
        }
        for (var r : org.abdmdesk.engine.abha.LoginRequest.OtpRoute.values()) {
            used.add("verify.route." + r.name());
        }
        for (int i = 1; i <= 7; i++) {
            used.add("consent.statement." + i);
        }
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
        assertThat(load("messages_hi.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void hindiIsReallyHindi() {
        Properties hi = load("messages_hi.properties");
        long devanagari = hi.values().stream().map(Object::toString)
                .filter(v -> v.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.DEVANAGARI))
                .count();
        assertThat(devanagari).isGreaterThan(hi.size() * 3L / 4);
    }

    @Test
    void noBundleValueSaysHealthId() {
        for (String name : new String[] {"messages.properties", "messages_hi.properties"}) {
            load(name).values().forEach(v -> assertThat(v.toString()).doesNotContainIgnoringCase("Health ID")
                    .doesNotContainIgnoringCase("PHR address"));
        }
    }

    private static Properties load(String name) {
        try (InputStream in = BundleTest.class.getResourceAsStream("/org/abdmdesk/app/i18n/" + name)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
