package org.abdmdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PrivateKey;
import java.util.Set;
import org.abdmdesk.engine.relay.SealingKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation's sealing key: made once, kept readable by this user only, the same key after a restart. */
class SealingKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsMadeOnceAndKeptOwnerOnly() throws Exception {
        Path file = dir.resolve("data").resolve(SealingKeyFile.FILE_NAME);

        PrivateKey first = SealingKeyFile.loadOrCreate(file);
        PrivateKey again = SealingKeyFile.loadOrCreate(file);

        assertThat(SealingKeys.publicKeyBase64(again)).isEqualTo(SealingKeys.publicKeyBase64(first));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }
}
