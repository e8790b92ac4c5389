package org.abdmdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path dataDir;

    @Test
    void optionsReadTheCommandLine() {
        Launcher.Options o = Launcher.Options.parse(List.of("--demo", "--lang=hi", "--exit-when-ready"));
        assertThat(o.demo()).isTrue();
        assertThat(o.locale()).isEqualTo(Locale.of("hi"));
        assertThat(o.exitWhenReady()).isTrue();
        assertThat(Launcher.Options.parse(List.of("--demo")).exitWhenReady()).isFalse();
    }

    /** The start-up hook, as a script would use it: a real JVM, headless, one line on stdout, exit 0. */
    @Test
    void exitWhenReadyPrintsTheStartUpTimeAndExitsZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dabdmdesk.data.dir=" + dataDir, "-Djava.io.tmpdir=" + dataDir, "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-Xlog:class+load=info:file=" + dataDir.resolve("classes.txt"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--demo", "--exit-when-ready"));
        File out = dataDir.resolve("stdout.txt").toFile();
        File err = dataDir.resolve("stderr.txt").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        assertThat(ended).as("the desk exits by itself; stderr:%n%s", stderr).isTrue();
        assertThat(p.exitValue()).as("exit code; stderr:%n%s", stderr).isZero();
        List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
        assertThat(lines).as("stdout is the one measurement line").singleElement().asString()
                .matches("startup-ms=\\d+");
        long ms = Long.parseLong(lines.get(0).substring("startup-ms=".length()));
        assertThat(ms).isPositive().isLessThan(60_000);
        assertThat(Files.readString(dataDir.resolve("classes.txt")))
                .as("no camera classes at start-up").contains("org.abdmdesk.app.Desk ")
                .doesNotContain("com.github.sarxos").doesNotContain("WebcamFrameSource");
    }
}
