package org.abdmdesk.app.common;

import static org.abdmdesk.app.common.Controls.boundLabel;
import static org.abdmdesk.app.common.Controls.button;
import static org.abdmdesk.app.common.Controls.label;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The OTP box every flow shows: ABDM's sentence, 6 digits, Verify, Resend with its countdown. */
public final class OtpViews {
    private OtpViews() {
    }

    /** A text field that accepts at most {@code max} digits. */
    public static TextField digitsField(String id, int max) {
        TextField f = new TextField();
        f.setId(id);
        f.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0," + max + "}") ? c : null));
        return f;
    }

    public static VBox otpBox(String idPrefix, OtpEntry entry, I18n i18n, Runnable verify, BooleanBinding canVerify,
            Runnable resend, BooleanBinding canResend) {
        TextField field = digitsField(idPrefix + "-otp", 6);
        field.getStyleClass().add(Styles.OTP_FIELD);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(entry.otpProperty());
        field.setOnAction(e -> verify.run());
        Label otpLabel = new Label(i18n.get("otp.label"));
        otpLabel.setLabelFor(field);
        otpLabel.setMnemonicParsing(true);

        Button verifyButton = button(i18n.get("otp.verify"), verify);
        verifyButton.setId(idPrefix + "-verify");
        verifyButton.getStyleClass().add(Styles.PRIMARY);
        verifyButton.setDefaultButton(true);
        verifyButton.disableProperty().bind(canVerify.not());

        ResendCountdown countdown = entry.countdown();
        Button resendButton = button(i18n.get("otp.resend"), resend);
        resendButton.setId(idPrefix + "-resend");
        resendButton.disableProperty().bind(canResend.not());
        Label wait = boundLabel(Bindings.createStringBinding(() -> countdownText(countdown, i18n),
                countdown.secondsLeftProperty(), countdown.resendsLeftProperty()), Styles.HINT);
        wait.setId(idPrefix + "-countdown");

        Label sent = boundLabel(entry.sentMessageProperty(), Styles.HINT);
        sent.setId(idPrefix + "-sent");
        Label error = boundLabel(entry.errorProperty(), Styles.ERROR);
        error.setId(idPrefix + "-error");
        return new VBox(8, sent, new HBox(8, otpLabel, field, verifyButton), new HBox(8, resendButton, wait), error,
                label(i18n.get("otp.hint"), Styles.HINT));
    }

    static String countdownText(ResendCountdown c, I18n i18n) {
        if (c.secondsLeftProperty().get() > 0) {
            return i18n.get("otp.countdown", c.secondsLeftProperty().get());
        }
        return c.resendsLeftProperty().get() > 0 ? i18n.get("otp.resendsLeft", c.resendsLeftProperty().get())
                : i18n.get("otp.noResends");
    }
}
