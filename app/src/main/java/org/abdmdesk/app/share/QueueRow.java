package org.abdmdesk.app.share;

import org.abdmdesk.engine.share.ShareToken;

/**
 * One line of the token queue as the screen shows it: token number, name, ABHA (number masked, or
 * the ABHA address), age and gender, when the profile was shared, and the status in words.
 * {@link #toString()} leaves the patient out.
 */
public record QueueRow(long tokenId, long patientId, String counter, int number, String name, String abha,
        String ageGender, String time, ShareToken.Status status, String statusText) {

    @Override
    public String toString() {
        return "QueueRow[token=" + tokenId + ", counter=" + counter + ", number=" + number + ", status=" + status + "]";
    }
}
