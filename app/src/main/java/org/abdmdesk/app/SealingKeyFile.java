package org.abdmdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.abdmdesk.app.common.OwnerOnlyFiles;
import org.abdmdesk.engine.relay.SealingKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's X25519 sealing key (relay protocol section 1), made once and kept in a file in
 * the data folder that only this user may read (PKCS#8). Never logged; only the public key is ever
 * shown (to whoever runs {@code relay-server clinic add}).
 */
final class SealingKeyFile {
    static final String FILE_NAME = "relay-sealing-key.pk8";
    private static final Logger LOG = LoggerFactory.getLogger(SealingKeyFile.class);

    private SealingKeyFile() {
    }

    /** The key in {@code file}, or a new one written there first. */
    static PrivateKey loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return SealingKeys.decodePrivate(Files.readAllBytes(file));
            }
            PrivateKey key = SealingKeys.generate().getPrivate();
            OwnerOnlyFiles.write(file, SealingKeys.encodePrivate(key));
            LOG.info("Made this workstation's relay sealing key");
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the relay sealing key in " + file.getParent(), e);
        }
    }
}
