package org.abdmdesk.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Hindi bundle is a full twin of the English one, and really Hindi. */
class MessageBundlesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/org/abdmdesk/engine/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void hindiHasExactlyTheEnglishKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties hi = load("messages_hi.properties");
        assertThat(hi.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).contains("error.noAbhaOnMobile", "error.noAbhaForAadhaar");
    }

    @Test
    void everyHindiSentenceIsWrittenInDevanagariAndDiffersFromTheEnglish() throws IOException {
        Properties en = load("messages.properties");
        Properties hi = load("messages_hi.properties");
        for (String key : hi.stringPropertyNames()) {
            String value = hi.getProperty(key);
            assertThat(value.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F)).as(key).isTrue();
            assertThat(value).as(key).isNotEqualTo(en.getProperty(key));
        }
    }
}
