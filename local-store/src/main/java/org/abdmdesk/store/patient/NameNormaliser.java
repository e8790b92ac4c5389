package org.abdmdesk.store.patient;

import java.text.Normalizer;
import java.util.Locale;

/** The searchable form of a name: Unicode NFC, lower case, runs of white space collapsed to one space. */
final class NameNormaliser {
    private NameNormaliser() {
    }

    static String normalise(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return nfc.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
