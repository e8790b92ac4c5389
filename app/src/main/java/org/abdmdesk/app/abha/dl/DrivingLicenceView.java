package org.abdmdesk.app.abha.dl;

import static org.abdmdesk.app.common.Controls.boundLabel;
import static org.abdmdesk.app.common.Controls.button;
import static org.abdmdesk.app.common.Controls.label;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.abdmdesk.app.abha.dl.DrivingLicenceViewModel.Field;
import org.abdmdesk.app.abha.dl.DrivingLicenceViewModel.Step;
import org.abdmdesk.app.common.Controls;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.OtpViews;
import org.abdmdesk.app.common.StepPanes;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.registration.GenderText;
import org.abdmdesk.engine.identity.Gender;

/** The driving-licence steps; shows only the current one, so Enter means that step's main button. */
public final class DrivingLicenceView extends VBox {
    private final DrivingLicenceViewModel vm;
    private final I18n i18n;
    private final StepPanes<Step> steps = new StepPanes<>(Step.class, this::build);

    public DrivingLicenceView(DrivingLicenceViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("driving-licence");
        setSpacing(10);
        setPadding(new Insets(16));
        Label error = boundLabel(vm.errorProperty(), Styles.ERROR);
        error.setId("dl-error");
        getChildren().addAll(label(i18n.get("dl.title"), Styles.TITLE), steps.node(), error,
                Controls.progress(vm.calls(), i18n));
        Controls.cancelOnEscape(this, vm.calls(), vm::cancelCall);
        steps.follow(vm.stepProperty());
    }

    private Node build(Step step) {
        return switch (step) {
            case MOBILE -> mobileStep();
            case OTP -> otpStep();
            case FORM -> formStep();
            case DONE -> doneStep();
        };
    }

    private Node mobileStep() {
        TextField mobile = OtpViews.digitsField("dl-mobile", 10);
        mobile.textProperty().bindBidirectional(vm.mobileProperty());
        steps.focusFirst(Step.MOBILE, mobile);
        Button send = button(i18n.get("dl.mobile.send"), vm::sendOtp);
        send.setId("dl-send");
        send.getStyleClass().add(Styles.PRIMARY);
        send.setDefaultButton(true);
        send.disableProperty().bind(vm.canSendBinding().not());
        Label problem = boundLabel(vm.mobileProblemProperty(), Styles.ERROR);
        problem.setId("dl-mobile-problem");
        return new VBox(8, label(i18n.get("dl.mobile.intro"), Styles.SUBTITLE),
                new HBox(8, labelFor("dl.mobile.label", mobile), mobile, send), problem);
    }

    private Node otpStep() {
        VBox box = OtpViews.otpBox("dl", vm.otp(), i18n, vm::verifyOtp, vm.canVerifyBinding(), vm::resendOtp,
                vm.canResendBinding());
        steps.focusFirst(Step.OTP, box.lookup("#dl-otp"));
        return new VBox(8, label(i18n.get("dl.otp.intro"), Styles.SUBTITLE), box);
    }

    private Node formStep() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int row = 0;
        TextField number = textField(Field.LICENCE_NUMBER);
        steps.focusFirst(Step.FORM, number);
        row = addRow(grid, row, "dl.field.number", number, Field.LICENCE_NUMBER);
        row = addRow(grid, row, "dl.field.firstName", textField(Field.FIRST_NAME), Field.FIRST_NAME);
        row = addRow(grid, row, "dl.field.middleName", textField(Field.MIDDLE_NAME), Field.MIDDLE_NAME);
        row = addRow(grid, row, "dl.field.lastName", textField(Field.LAST_NAME), Field.LAST_NAME);
        TextField birth = textField(Field.BIRTH_DATE);
        birth.setPromptText(i18n.get("dl.field.birth.prompt"));
        row = addRow(grid, row, "dl.field.birth", birth, Field.BIRTH_DATE);
        ComboBox<Gender> gender = new ComboBox<>();
        gender.setId("dl-gender");
        gender.getItems().setAll(Gender.MALE, Gender.FEMALE, Gender.OTHER);
        gender.setConverter(new GenderText(i18n));
        gender.valueProperty().bindBidirectional(vm.genderProperty());
        row = addRow(grid, row, "dl.field.gender", gender, Field.GENDER);
        row = addRow(grid, row, "dl.field.front", photo(Field.FRONT_PHOTO, vm::chooseFrontPhoto), Field.FRONT_PHOTO);
        row = addRow(grid, row, "dl.field.back", photo(Field.BACK_PHOTO, vm::chooseBackPhoto), Field.BACK_PHOTO);
        row = addRow(grid, row, "dl.field.address", textField(Field.ADDRESS), Field.ADDRESS);
        row = addRow(grid, row, "dl.field.state", textField(Field.STATE), Field.STATE);
        row = addRow(grid, row, "dl.field.district", textField(Field.DISTRICT), Field.DISTRICT);
        addRow(grid, row, "dl.field.pin", textField(Field.PIN_CODE), Field.PIN_CODE);
        Button submit = button(i18n.get("dl.submit"), vm::submit);
        submit.setId("dl-submit");
        submit.getStyleClass().add(Styles.PRIMARY);
        submit.setDefaultButton(true);
        submit.disableProperty().bind(vm.canSubmitBinding().not());
        return new VBox(8, label(i18n.get("dl.form.intro"), Styles.SUBTITLE), grid, submit);
    }

    private Node doneStep() {
        Label number = label("", Styles.BIG_NUMBER);
        number.setId("dl-enrolment-number");
        number.textProperty().bind(vm.enrolmentNumberProperty());
        Label state = label("");
        state.setId("dl-enrolment-state");
        state.textProperty().bind(vm.enrolmentStateProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, label(i18n.get("dl.done.number")), number);
        grid.addRow(1, label(i18n.get("dl.done.state")), state);
        Button register = button(i18n.get("create.register"), vm::registerPatient);
        register.setId("dl-register");
        register.getStyleClass().add(Styles.PRIMARY);
        register.setDefaultButton(true);
        steps.focusFirst(Step.DONE, register);
        return new VBox(10, label(i18n.get("dl.done.intro"), Styles.SUBTITLE), grid,
                label(i18n.get("dl.done.facility"), Styles.HINT), register);
    }

    private Node photo(Field field, Runnable choose) {
        Button button = button(i18n.get("dl.photo.choose"), choose);
        button.setId("dl-" + id(field));
        Label chosen = boundLabel(vm.textProperty(field), Styles.HINT);
        chosen.setId("dl-" + id(field) + "-file");
        HBox box = new HBox(8, button, chosen);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private TextField textField(Field field) {
        TextField f = new TextField();
        f.setId("dl-" + id(field));
        f.setPrefColumnCount(24);
        f.textProperty().bindBidirectional(vm.textProperty(field));
        return f;
    }

    private int addRow(GridPane grid, int row, String labelKey, Node input, Field field) {
        Node target = input instanceof HBox box ? box.getChildren().get(0) : input;
        Label problem = boundLabel(vm.problemProperty(field), Styles.ERROR);
        problem.setId("dl-" + id(field) + "-problem");
        grid.addRow(row, labelFor(labelKey, target), new VBox(2, input, problem));
        return row + 1;
    }

    private Label labelFor(String key, Node target) {
        Label l = new Label(i18n.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    private static String id(Field f) {
        return f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
