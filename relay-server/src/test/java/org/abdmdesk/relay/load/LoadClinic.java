package org.abdmdesk.relay.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One registered load-test clinic, a line of {@code clinics.tsv}: index, clinic id, HIP id, credential. */
record LoadClinic(int index, String clinicId, String hipId, String credential) {
    static final String FILE = "clinics.tsv";

    String line() {
        return index + "\t" + clinicId + "\t" + hipId + "\t" + credential;
    }

    static List<LoadClinic> read(Path dir, int limit) throws IOException {
        return Files.readAllLines(dir.resolve(FILE)).stream().limit(limit).map(l -> l.split("\t"))
                .map(f -> new LoadClinic(Integer.parseInt(f[0]), f[1], f[2], f[3])).toList();
    }
}
