package org.abdmdesk.engine.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ABHA in the simulator. {@code abhaNumber} is 14 digits without hyphens; {@code aadhaar} is
 * null for accounts not made from Aadhaar (driving licence); {@code mobile} is null until verified;
 * {@code addresses} are full ({@code name@sbx}). Immutable: changes make a new copy.
 */
record Account(String abhaNumber, Person person, String aadhaar, String mobile, String email, List<String> addresses,
        String preferredAddress, String status, boolean kycVerified, Instant createdAt) {

    Account {
        addresses = List.copyOf(addresses);
    }

    String hyphenated() {
        return abhaNumber.substring(0, 2) + "-" + abhaNumber.substring(2, 6) + "-" + abhaNumber.substring(6, 10) + "-"
                + abhaNumber.substring(10);
    }

    Account withMobile(String newMobile) {
        return new Account(abhaNumber, person, aadhaar, newMobile, email, addresses, preferredAddress, status,
                kycVerified, createdAt);
    }

    Account withEmail(String newEmail) {
        return new Account(abhaNumber, person, aadhaar, mobile, newEmail, addresses, preferredAddress, status,
                kycVerified, createdAt);
    }

    Account withAddress(String fullAddress, boolean preferred) {
        List<String> all = new ArrayList<>(addresses);
        if (!all.contains(fullAddress)) {
            all.add(fullAddress);
        }
        return new Account(abhaNumber, person, aadhaar, mobile, email, all, preferred ? fullAddress : preferredAddress,
                status, kycVerified, createdAt);
    }

    /** The ways this ABHA can be verified, as ABDM lists them. */
    List<String> authMethods() {
        List<String> methods = new ArrayList<>();
        if (aadhaar != null) {
            methods.add("AADHAAR_OTP");
        }
        if (mobile != null) {
            methods.add("MOBILE_OTP");
        }
        methods.add("DEMOGRAPHICS");
        return methods;
    }
}
