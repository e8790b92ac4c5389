package org.abdmdesk.app.common;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.abdmdesk.engine.abha.OtpSent;
import org.abdmdesk.engine.identity.Otp;

/**
 * The state of one OTP step, shared by every flow: the transaction, ABDM's sentence naming the
 * masked mobile, the 6-digit box (Verify enables itself when it holds 6 digits), the last error
 * and the resend countdown. A wrong OTP clears the box and keeps the transaction.
 */
public final class OtpEntry {
    private final StringProperty otp = new SimpleStringProperty(this, "otp", "");
    private final ReadOnlyStringWrapper sentMessage = new ReadOnlyStringWrapper(this, "sentMessage", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ResendCountdown countdown;
    private final BooleanBinding complete;
    private String txnId;

    public OtpEntry(ResendCountdown countdown) {
        this.countdown = Objects.requireNonNull(countdown);
        this.complete = Bindings.createBooleanBinding(() -> Otp.check(otp.get()).acceptable(), otp);
    }

    /** The first OTP of this step was sent. */
    public void sent(OtpSent sent) {
        accept(sent);
        countdown.otpSent();
    }

    /** A resend went out (ABDM may hand back a new transaction). */
    public void resent(OtpSent sent) {
        accept(sent);
        countdown.resent();
    }

    /** ABDM refused the OTP: show its words, empty the box, keep the transaction. */
    public void rejected(String problem) {
        error.set(problem);
        otp.set("");
    }

    public void failed(String problem) {
        error.set(problem);
    }

    /** The OTP as typed; call only when {@link #completeBinding()} is true. */
    public Otp takeOtp() {
        Otp value = Otp.of(otp.get());
        error.set("");
        return value;
    }

    public void finished() {
        otp.set("");
        countdown.stop();
    }

    public String txnId() {
        return txnId;
    }

    public void txnId(String newTxnId) {
        this.txnId = newTxnId;
    }

    public StringProperty otpProperty() {
        return otp;
    }

    public BooleanBinding completeBinding() {
        return complete;
    }

    public ReadOnlyStringProperty sentMessageProperty() {
        return sentMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ResendCountdown countdown() {
        return countdown;
    }

    private void accept(OtpSent sent) {
        txnId = sent.txnId();
        sentMessage.set(sent.message());
        error.set("");
        otp.set("");
    }
}
