package org.abdmdesk.engine.sim;

/** A person UIDAI knows: an Aadhaar number (fake, Verhoeff-valid), its linked mobile, the KYC data. */
record Resident(String aadhaar, String aadhaarMobile, Person person) {
}
