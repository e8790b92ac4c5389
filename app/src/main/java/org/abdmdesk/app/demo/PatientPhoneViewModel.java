package org.abdmdesk.app.demo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.abdmdesk.engine.sim.SentOtp;

/** The demo's simulated patient phone: every OTP the simulator "sent", newest first. Never logged. */
public final class PatientPhoneViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One message on the phone. */
    public record Message(String time, String mobile, String purpose, String otp) {
        @Override
        public String toString() {
            return "Message[" + time + ", " + mobile + ", " + purpose + "]";
        }
    }

    private final ObservableList<Message> messages = FXCollections.observableArrayList();

    /** Call on the UI thread. */
    public void received(SentOtp sent) {
        messages.add(0, new Message(TIME.format(sent.at()), sent.maskedMobile(), sent.purpose(), sent.otp()));
    }

    public ObservableList<Message> messages() {
        return messages;
    }
}
