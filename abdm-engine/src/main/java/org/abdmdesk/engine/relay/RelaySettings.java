package org.abdmdesk.engine.relay;

import java.net.URI;
import java.security.PrivateKey;
import java.util.Locale;
import java.util.Objects;

/**
 * How this workstation reaches its relay (protocol §1): the relay's WebSocket URL (e.g.
 * {@code wss://relay.example.in/ws}), the clinic credential {@code <clinic id>.<secret>} printed by
 * {@code relay-server clinic add}, and the workstation's X25519 private key that opens sealed
 * envelopes. Built from the clinic's settings. {@link #toString()} shows neither the secret nor the key.
 */
public record RelaySettings(URI relayUrl, String credential, PrivateKey sealingKey) {

    public RelaySettings {
        Objects.requireNonNull(relayUrl, "relayUrl");
        String scheme = relayUrl.getScheme() == null ? "" : relayUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("ws") || scheme.equals("wss") || scheme.equals("http") || scheme.equals("https"))
                || relayUrl.getHost() == null) {
            throw new IllegalArgumentException("relayUrl must be an absolute ws(s) URL: " + relayUrl);
        }
        Objects.requireNonNull(credential, "credential");
        credential = credential.strip();
        int dot = credential.indexOf('.');
        if (dot <= 0 || dot == credential.length() - 1 || credential.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the credential has the form <clinic id>.<secret>");
        }
        Objects.requireNonNull(sealingKey, "sealingKey");
        SealingKeys.rawPublicKey(sealingKey); // refuses anything but X25519
    }

    /** The clinic id, the part of the credential before the first dot (not secret). */
    public String clinicId() {
        return credential.substring(0, credential.indexOf('.'));
    }

    @Override
    public String toString() {
        return "RelaySettings[relayUrl=" + relayUrl + ", credential=" + clinicId() + ".****, sealingKey=****]";
    }
}
