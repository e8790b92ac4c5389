package org.abdmdesk.app.demo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.engine.sim.OnShareReply;
import org.abdmdesk.engine.sim.ScanRefusedException;
import org.abdmdesk.engine.sim.SeedData;
import org.abdmdesk.engine.sim.SentOtp;

/**
 * The demo's simulated patient phone (and Aadhaar card): every OTP the simulator "sent", newest
 * first, and the demo people and numbers a newcomer can try, each with a Copy command. The Aadhaar
 * numbers here are the simulator's FAKE demo ones; nothing of this is ever logged.
 */
public final class PatientPhoneViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final Map<String, String> PURPOSE_KEYS = Map.of(
            SentOtp.ENROLMENT, "phone.purpose.enrolment",
            SentOtp.MOBILE_VERIFICATION, "phone.purpose.mobileVerification",
            SentOtp.EMAIL_VERIFICATION, "phone.purpose.emailVerification",
            SentOtp.DRIVING_LICENCE_ENROLMENT, "phone.purpose.drivingLicence",
            SentOtp.LOGIN, "phone.purpose.login",
            SentOtp.ADDRESS_LOGIN, "phone.purpose.addressLogin");

    /** One message on the phone. {@link #toString()} leaves the OTP out. */
    public record Message(String time, String mobile, String purpose, String otp) {
        @Override
        public String toString() {
            return "Message[" + time + ", " + mobile + ", " + purpose + "]";
        }
    }

    /**
     * Something to try in the demo: a heading, the value as shown, what Copy puts on the clipboard
     * and a sentence saying what it is for. {@link #toString()} leaves the value out.
     */
    public record Fixture(String id, String title, String shown, String copyValue, String note) {
        @Override
        public String toString() {
            return "Fixture[" + id + "]";
        }
    }

    private final I18n i18n;
    private final Consumer<String> clipboard;
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Message> newest = new ReadOnlyObjectWrapper<>(this, "newest");
    private final List<Fixture> residents;
    private final List<Fixture> verifyFixtures;
    private final ReadOnlyStringWrapper copied = new ReadOnlyStringWrapper(this, "copied", "");
    private final Function<String, String> counterScanner;
    private final List<Fixture> shareFixtures;
    private final ObjectProperty<Fixture> sharer = new SimpleObjectProperty<>(this, "sharer");
    private final ReadOnlyStringWrapper shareResult = new ReadOnlyStringWrapper(this, "shareResult", "");
    private final Set<String> myShares = ConcurrentHashMap.newKeySet();

    /** {@code clipboard} receives the text of a Copy (the FX clipboard in the app, a list in tests). */
    public PatientPhoneViewModel(I18n i18n, Consumer<String> clipboard) {
        this(i18n, clipboard, abha -> {
            throw new IllegalStateException("this phone cannot scan");
        });
    }

    /**
     * {@code counterScanner}: the patient with this ABHA scans the clinic's counter QR and shares their
     * profile; returns the share's REQUEST-ID (the simulator's patient phone in the demo).
     */
    public PatientPhoneViewModel(I18n i18n, Consumer<String> clipboard, Function<String, String> counterScanner) {
        this.i18n = Objects.requireNonNull(i18n);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.counterScanner = Objects.requireNonNull(counterScanner);
        this.residents = residents(i18n);
        this.verifyFixtures = verifyFixtures(i18n);
        this.shareFixtures = shareFixtures(i18n);
        this.sharer.set(shareFixtures.get(0));
    }

    /** The chosen demo patient scans the clinic's counter QR and shares their profile. */
    public void scanCounterQr() {
        Fixture who = sharer.get();
        if (who == null) {
            return;
        }
        try {
            myShares.add(counterScanner.apply(who.copyValue()));
            shareResult.set(i18n.get("phone.share.sent"));
        } catch (ScanRefusedException e) {
            shareResult.set(e.message(i18n.locale()));
        }
    }

    /** The clinic answered a share (on the UI thread): the token number, or why there is none. */
    public void tokenArrived(OnShareReply reply) {
        if (!myShares.contains(reply.requestId())) {
            return;
        }
        shareResult.set(reply.success() ? i18n.get("phone.share.token", reply.tokenNumber(), reply.context())
                : i18n.get("phone.share.failed", reply.errorMessage()));
    }

    /** The demo ABHAs that can scan the counter QR. */
    public List<Fixture> shareFixtures() {
        return shareFixtures;
    }

    public ObjectProperty<Fixture> sharerProperty() {
        return sharer;
    }

    /** "Your token number is 7" once the clinic answers. */
    public ReadOnlyStringProperty shareResultProperty() {
        return shareResult.getReadOnlyProperty();
    }

    /** Call on the UI thread: the newest message goes on top. */
    public void received(SentOtp sent) {
        String key = PURPOSE_KEYS.get(sent.purpose());
        Message m = new Message(TIME.format(sent.at()), sent.maskedMobile(), key == null ? sent.purpose() : i18n.get(key),
                sent.otp());
        messages.add(0, m);
        newest.set(m);
    }

    /** Copies the fixture's value to the clipboard and says so. */
    public void copy(Fixture fixture) {
        clipboard.accept(fixture.copyValue());
        copied.set(i18n.get("phone.copied", fixture.shown()));
    }

    /** Copies an OTP from the phone's list. */
    public void copy(Message message) {
        if (message != null) {
            clipboard.accept(message.otp());
            copied.set(i18n.get("phone.copied", message.otp()));
        }
    }

    public ObservableList<Message> messages() {
        return messages;
    }

    /** The message that arrived last (the view highlights it for a moment). */
    public ReadOnlyObjectProperty<Message> newestProperty() {
        return newest.getReadOnlyProperty();
    }

    /** The demo residents with their (fake) Aadhaar numbers, for "Create ABHA" and "Verify ABHA by Aadhaar". */
    public List<Fixture> residents() {
        return residents;
    }

    /** ABHA Numbers, ABHA Addresses and mobiles for "Verify ABHA". */
    public List<Fixture> verifyFixtures() {
        return verifyFixtures;
    }

    public ReadOnlyStringProperty copiedProperty() {
        return copied.getReadOnlyProperty();
    }

    /** "234567890124" as printed on the card: "2345 6789 0124". */
    static String cardFormat(String aadhaar) {
        return aadhaar.substring(0, 4) + " " + aadhaar.substring(4, 8) + " " + aadhaar.substring(8);
    }

    private static List<Fixture> residents(I18n i18n) {
        List<Fixture> list = new ArrayList<>();
        for (SeedData.DemoResident r : SeedData.DEMO_RESIDENTS) {
            String note = i18n.get("phone.resident.scenario", r.name(), r.scenario(i18n.locale())) + " "
                    + i18n.get("phone.resident.mobile", r.aadhaarMobile());
            if (r.scenarioKey().equals("scenario.newOtherMobile")) {
                note += " " + i18n.get("phone.resident.otherMobile", SeedData.OTHER_MOBILE);
            }
            list.add(new Fixture("aadhaar-" + list.size(), r.name(), cardFormat(r.aadhaar()), r.aadhaar(), note));
        }
        return List.copyOf(list);
    }

    private static List<Fixture> shareFixtures(I18n i18n) {
        return List.of(
                new Fixture("share-asha", "Asha Verma", SeedData.ABHA_EXISTING, SeedData.ABHA_EXISTING, ""),
                new Fixture("share-ramesh", "Ramesh Yadav", SeedData.ABHA_FAMILY_RAMESH, SeedData.ABHA_FAMILY_RAMESH, ""),
                new Fixture("share-sunita", "Sunita Yadav", SeedData.ABHA_FAMILY_SUNITA, SeedData.ABHA_FAMILY_SUNITA, ""),
                new Fixture("share-aarav", "Aarav Yadav", "aarav.yadav2012@sbx", "aarav.yadav2012@sbx",
                        i18n.get("phone.share.byAddress")));
    }

    private static List<Fixture> verifyFixtures(I18n i18n) {
        return List.of(
                new Fixture("abha-number", i18n.get("phone.fixture.abhaNumber"), SeedData.ABHA_EXISTING,
                        SeedData.ABHA_EXISTING, i18n.get("phone.fixture.abhaNumber.note", SeedData.ABHA_EXISTING_MOBILE)),
                new Fixture("abha-address", i18n.get("phone.fixture.abhaAddress"), SeedData.ABHA_ADDRESS_EXISTING,
                        SeedData.ABHA_ADDRESS_EXISTING, i18n.get("phone.fixture.abhaAddress.note")),
                new Fixture("mobile-family", i18n.get("phone.fixture.mobileFamily"), SeedData.MOBILE_FAMILY,
                        SeedData.MOBILE_FAMILY, i18n.get("phone.fixture.mobileFamily.note")),
                new Fixture("mobile-none", i18n.get("phone.fixture.mobileNone"), SeedData.MOBILE_NO_ABHA,
                        SeedData.MOBILE_NO_ABHA, i18n.get("phone.fixture.mobileNone.note")));
    }
}
