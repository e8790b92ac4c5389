package org.abdmdesk.engine.abha;

import java.time.LocalDate;
import org.abdmdesk.engine.identity.Gender;

/** The driving-licence enrolment form (V3 {@code enrol/byDocument}). Photos are JPEG or PNG bytes. */
public record DrivingLicenceApplication(String documentId, String firstName, String middleName, String lastName,
        LocalDate dateOfBirth, Gender gender, byte[] frontPhoto, byte[] backPhoto, String address, String state,
        String district, String pinCode) {
}
