package org.abdmdesk.app.registration;

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
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.engine.identity.Gender;

/** The registration form. It binds to {@link RegistrationViewModel} and forwards clicks. */
public final class RegistrationView extends VBox {
    private final RegistrationViewModel vm;
    private final I18n i18n;
    private final Runnable verifyUnverified;
    private TextField nameField;

    public RegistrationView(RegistrationViewModel vm, I18n i18n, Runnable verifyUnverified) {
        this.vm = vm;
        this.i18n = i18n;
        this.verifyUnverified = verifyUnverified;
        setId("registration");
        setSpacing(12);
        setPadding(new Insets(16));
        getChildren().addAll(heading(), abhaSection(), form(), boundLabel(vm.formErrorProperty(), Styles.ERROR),
                actions());
    }

    public void focusFirstField() {
        nameField.requestFocus();
    }

    private Node heading() {
        Label title = label("", Styles.TITLE);
        title.textProperty().bind(vm.headingProperty());
        return title;
    }

    private Node abhaSection() {
        Label number = label("", Styles.BIG_NUMBER);
        number.setId("reg-abha-number");
        number.textProperty().bind(vm.abhaNumberTextProperty());
        Label address = label("");
        address.setId("reg-abha-address");
        address.textProperty().bind(vm.abhaAddressTextProperty());
        Label state = label("", Styles.HINT);
        state.textProperty().bind(vm.abhaStateProperty());
        Button verify = button(i18n.get("registration.abha.verifyThis"), verifyUnverified);
        verify.visibleProperty().bind(vm.abhaUnverifiedProperty());
        verify.managedProperty().bind(verify.visibleProperty());
        Button remove = button(i18n.get("registration.abha.remove"), vm::clearAbha);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.addRow(0, label(i18n.get("label.abhaNumber")), number);
        grid.addRow(1, label(i18n.get("label.abhaAddress")), address);
        VBox box = new VBox(6, label(i18n.get("registration.abha.section"), Styles.SUBTITLE), grid, state,
                new HBox(8, verify, remove));
        box.getStyleClass().add(Styles.SECTION);
        return box;
    }

    private Node form() {
        nameField = field("reg-name", vm.nameProperty());
        ComboBox<Gender> gender = new ComboBox<>();
        gender.setId("reg-gender");
        gender.getItems().setAll(Gender.MALE, Gender.FEMALE, Gender.OTHER);
        gender.setConverter(new GenderText(i18n));
        gender.valueProperty().bindBidirectional(vm.genderProperty());
        TextField birth = field("reg-birth", vm.birthDateProperty());
        birth.setPromptText(i18n.get("registration.birth.prompt"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, fieldLabel("registration.name", nameField), nameField);
        grid.addRow(row++, fieldLabel("registration.gender", gender), gender);
        grid.addRow(row++, fieldLabel("registration.birth", birth), birth);
        TextField mobile = field("reg-mobile", vm.mobileProperty());
        grid.addRow(row++, fieldLabel("registration.mobile", mobile), mobile);
        TextField address = field("reg-address", vm.addressProperty());
        grid.addRow(row++, fieldLabel("registration.address", address), address);
        TextField district = field("reg-district", vm.districtProperty());
        grid.addRow(row++, fieldLabel("registration.district", district), district);
        TextField state = field("reg-state", vm.stateProperty());
        grid.addRow(row++, fieldLabel("registration.state", state), state);
        TextField pin = field("reg-pin", vm.pinCodeProperty());
        grid.addRow(row, fieldLabel("registration.pin", pin), pin);
        return grid;
    }

    private Node actions() {
        Button save = button(i18n.get("registration.save"), vm::save);
        save.setId("reg-save");
        save.getStyleClass().add(Styles.PRIMARY);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveBinding().not());
        Label mrn = boundLabel(vm.savedMrnProperty().map(m -> m.isEmpty() ? "" : i18n.get("registration.mrn", m)),
                Styles.SUCCESS);
        mrn.setId("reg-mrn");
        return new HBox(12, save, mrn);
    }

    private Label fieldLabel(String key, Node target) {
        Label l = new Label(i18n.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(24);
        f.textProperty().bindBidirectional(property);
        return f;
    }
}
