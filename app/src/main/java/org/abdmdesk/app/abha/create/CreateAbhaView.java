package org.abdmdesk.app.abha.create;

import static org.abdmdesk.app.common.Controls.boundLabel;
import static org.abdmdesk.app.common.Controls.button;
import static org.abdmdesk.app.common.Controls.label;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.abdmdesk.app.common.Controls;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.OtpViews;
import org.abdmdesk.app.common.StepPanes;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.abha.create.CreateAbhaViewModel.Step;

/** The create-ABHA steps; shows only the current one, so Enter always means that step's main button. */
public final class CreateAbhaView extends VBox {
    private final CreateAbhaViewModel vm;
    private final I18n i18n;
    private final StepPanes<Step> steps = new StepPanes<>(Step.class, this::build);

    public CreateAbhaView(CreateAbhaViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("create-abha");
        setSpacing(10);
        setPadding(new Insets(16));
        getChildren().addAll(label(i18n.get("create.title"), Styles.TITLE), steps.node(),
                boundLabel(vm.errorProperty(), Styles.ERROR), Controls.progress(vm.calls(), i18n));
        Controls.cancelOnEscape(this, vm.calls(), vm::cancelCall);
        steps.follow(vm.stepProperty());
    }

    private Node build(Step step) {
        return switch (step) {
            case CONSENT -> consentStep();
            case AADHAAR -> aadhaarStep();
            case OTP -> otpStep();
            case MOBILE_OTP -> mobileOtpStep();
            case EXISTING -> existingStep();
            case ADDRESS -> addressStep();
            case DONE -> doneStep();
        };
    }

    private Node consentStep() {
        TextField patient = new TextField();
        patient.setId("consent-patient");
        patient.textProperty().bindBidirectional(vm.patientNameProperty());
        Label patientLabel = new Label(i18n.get("consent.patientName"));
        patientLabel.setLabelFor(patient);
        patientLabel.setMnemonicParsing(true);
        steps.focusFirst(Step.CONSENT, patient);

        ToggleGroup languages = new ToggleGroup();
        RadioButton english = new RadioButton(i18n.get("consent.lang.en"));
        RadioButton hindi = new RadioButton(i18n.get("consent.lang.hi"));
        english.setToggleGroup(languages);
        hindi.setToggleGroup(languages);
        english.setUserData(Locale.ENGLISH);
        hindi.setUserData(Locale.of("hi"));
        (vm.consentLocaleProperty().get().getLanguage().equals("hi") ? hindi : english).setSelected(true);
        languages.selectedToggleProperty().addListener((o, a, n) -> {
            if (n != null) {
                vm.consentLocaleProperty().set((Locale) n.getUserData());
            }
        });

        VBox boxes = new VBox(6);
        for (int i = 0; i < ConsentStatements.IDS.size(); i++) {
            String id = ConsentStatements.IDS.get(i);
            CheckBox box = new CheckBox();
            box.setId("consent-" + id);
            box.setWrapText(true);
            box.setMaxWidth(720);
            int index = i;
            box.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> (index + 1) + ". " + (vm.statements().size() > index ? vm.statements().get(index) : ""),
                    vm.statements()));
            box.selectedProperty().bindBidirectional(vm.tickProperty(id));
            boxes.getChildren().add(box);
        }
        Button agree = button(i18n.get("consent.agree"), vm::agree);
        agree.setId("consent-agree");
        agree.getStyleClass().add(Styles.PRIMARY);
        agree.setDefaultButton(true);
        agree.disableProperty().bind(vm.canAgreeBinding().not().or(vm.calls().runningProperty()));
        Button dl = button(i18n.get("create.dl.choice"), vm::useDrivingLicence);
        dl.setId("create-dl");
        dl.disableProperty().bind(vm.canUseDrivingLicenceBinding().not().or(vm.calls().runningProperty()));
        return new VBox(8, label(i18n.get("consent.intro"), Styles.SUBTITLE), new HBox(8, patientLabel, patient),
                new HBox(12, english, hindi), label(i18n.get("consent.heading")), boxes,
                label(i18n.get("consent.requiredNote"), Styles.HINT), new HBox(12, agree, dl),
                label(i18n.get("create.dl.hint"), Styles.HINT));
    }

    private Node aadhaarStep() {
        TextField aadhaar = OtpViews.digitsField("aadhaar", 12);
        aadhaar.setPrefColumnCount(14);
        aadhaar.textProperty().bindBidirectional(vm.aadhaarProperty());
        aadhaar.setOnAction(e -> vm.sendOtp());
        Label l = new Label(i18n.get("create.aadhaar.label"));
        l.setLabelFor(aadhaar);
        l.setMnemonicParsing(true);
        steps.focusFirst(Step.AADHAAR, aadhaar);
        Button send = button(i18n.get("create.aadhaar.send"), vm::sendOtp);
        send.setId("aadhaar-send");
        send.getStyleClass().add(Styles.PRIMARY);
        send.setDefaultButton(true);
        send.disableProperty().bind(vm.canSendOtpBinding().not());
        Label problem = boundLabel(vm.aadhaarProblemProperty(), Styles.ERROR);
        problem.setId("aadhaar-problem");
        return new VBox(8, label(i18n.get("create.aadhaar.intro"), Styles.SUBTITLE), new HBox(8, l, aadhaar, send),
                problem, label(i18n.get("create.aadhaar.never"), Styles.HINT));
    }

    private Node otpStep() {
        Label masked = boundLabel(vm.aadhaarMaskedProperty().map(m -> i18n.get("create.aadhaar.masked", m)),
                Styles.HINT);
        masked.setId("aadhaar-masked");
        TextField mobile = OtpViews.digitsField("comm-mobile", 10);
        mobile.textProperty().bindBidirectional(vm.communicationMobileProperty());
        Label ml = new Label(i18n.get("create.mobile.label"));
        ml.setLabelFor(mobile);
        ml.setMnemonicParsing(true);
        VBox otpBox = OtpViews.otpBox("aadhaar", vm.otp(), i18n, vm::verifyOtp, vm.canVerifyBinding(),
                vm::resendOtp, vm.canResendBinding());
        steps.focusFirst(Step.OTP, otpBox.lookup("#aadhaar-otp"));
        return new VBox(8, label(i18n.get("create.otp.intro"), Styles.SUBTITLE), masked, otpBox,
                new HBox(8, ml, mobile), boundLabel(vm.mobileProblemProperty(), Styles.ERROR),
                label(i18n.get("create.mobile.hint"), Styles.HINT));
    }

    private Node mobileOtpStep() {
        VBox otpBox = OtpViews.otpBox("mobile", vm.mobileOtp(), i18n, vm::verifyMobileOtp, vm.canVerifyMobileBinding(),
                vm::resendMobileOtp, vm.canResendMobileBinding());
        steps.focusFirst(Step.MOBILE_OTP, otpBox.lookup("#mobile-otp"));
        return new VBox(8, label(i18n.get("create.mobileOtp.intro"), Styles.SUBTITLE), otpBox);
    }

    private Node existingStep() {
        Button use = button(i18n.get("create.existing.use"), vm::useExisting);
        use.setId("existing-use");
        use.getStyleClass().add(Styles.PRIMARY);
        use.setDefaultButton(true);
        steps.focusFirst(Step.EXISTING, use);
        Label message = boundLabel(vm.existingMessageProperty(), Styles.SUBTITLE);
        message.setId("existing-message");
        return new VBox(10, message, use);
    }

    private Node addressStep() {
        ListView<String> list = new ListView<>(vm.suggestions());
        list.setId("address-suggestions");
        list.setPrefHeight(140);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> vm.chooseSuggestion(n));
        TextField custom = new TextField();
        custom.setId("address-username");
        custom.textProperty().bindBidirectional(vm.usernameProperty());
        custom.setOnAction(e -> vm.createAddress());
        Label cl = new Label(i18n.get("create.address.label"));
        cl.setLabelFor(custom);
        cl.setMnemonicParsing(true);
        steps.focusFirst(Step.ADDRESS, custom);
        Label feedback = boundLabel(vm.usernameFeedbackProperty(), Styles.HINT);
        feedback.setId("address-feedback");
        Button create = button(i18n.get("create.address.create"), vm::createAddress);
        create.setId("address-create");
        create.getStyleClass().add(Styles.PRIMARY);
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.canCreateAddressBinding().not());
        return new VBox(8, label(i18n.get("create.address.intro"), Styles.SUBTITLE),
                label(i18n.get("create.address.suggestions")), list, new HBox(8, cl, custom, create), feedback,
                label(i18n.get("create.address.policy"), Styles.HINT));
    }

    private Node doneStep() {
        Label number = label("", Styles.BIG_NUMBER);
        number.setId("result-number");
        number.textProperty().bind(vm.resultNumberProperty());
        Label address = label("", Styles.BIG_NUMBER);
        address.setId("result-address");
        address.textProperty().bind(vm.resultAddressProperty());
        ImageView card = new ImageView();
        card.setId("result-card");
        card.setPreserveRatio(true);
        card.setFitWidth(420);
        card.imageProperty().bind(vm.cardProperty().map(d -> d.isImage()
                ? new Image(new ByteArrayInputStream(d.bytes())) : null));
        Button view = button(i18n.get("create.card.view"), vm::loadCard);
        Button save = button(i18n.get("create.card.save"), vm::saveCard);
        save.disableProperty().bind(vm.cardProperty().isNull());
        Button print = button(i18n.get("create.card.print"), vm::printCard);
        print.disableProperty().bind(vm.cardProperty().isNull());
        Button register = button(i18n.get("create.register"), vm::registerPatient);
        register.setId("result-register");
        register.getStyleClass().add(Styles.PRIMARY);
        register.setDefaultButton(true);
        steps.focusFirst(Step.DONE, register);
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, label(i18n.get("label.abhaNumber")), number);
        grid.addRow(1, label(i18n.get("label.abhaAddress")), address);
        return new VBox(10, label(i18n.get("create.done.intro"), Styles.SUBTITLE), grid, card,
                new HBox(8, view, save, print), register);
    }
}
