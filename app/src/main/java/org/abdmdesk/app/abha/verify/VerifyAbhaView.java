package org.abdmdesk.app.abha.verify;

import static org.abdmdesk.app.common.Controls.boundLabel;
import static org.abdmdesk.app.common.Controls.button;
import static org.abdmdesk.app.common.Controls.label;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.abdmdesk.app.common.Controls;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.OtpViews;
import org.abdmdesk.app.common.StepPanes;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.abha.verify.VerifyAbhaViewModel.Step;
import org.abdmdesk.engine.abha.AccountSummary;
import org.abdmdesk.engine.abha.LoginRequest.Method;
import org.abdmdesk.engine.abha.LoginRequest.OtpRoute;
import org.abdmdesk.engine.identity.AbhaNumber;

/** The verify-ABHA steps; binds to {@link VerifyAbhaViewModel}. */
public final class VerifyAbhaView extends VBox {
    private final VerifyAbhaViewModel vm;
    private final I18n i18n;
    private final StepPanes<Step> steps = new StepPanes<>(Step.class, this::build);

    public VerifyAbhaView(VerifyAbhaViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("verify-abha");
        setSpacing(10);
        setPadding(new Insets(16));
        Button startOver = button(i18n.get("verify.startOver"), vm::startOver);
        getChildren().addAll(label(i18n.get("verify.title"), Styles.TITLE), steps.node(),
                boundLabel(vm.errorProperty(), Styles.ERROR), Controls.progress(vm.calls(), i18n), startOver);
        Controls.cancelOnEscape(this, vm.calls(), vm::cancelCall);
        steps.follow(vm.stepProperty());
    }

    private Node build(Step step) {
        return switch (step) {
            case IDENTIFY -> identifyStep();
            case OTP -> otpStep();
            case ACCOUNTS -> accountsStep();
            case PROFILE -> profileStep();
        };
    }

    private Node identifyStep() {
        ComboBox<Method> method = new ComboBox<>();
        method.setId("verify-method");
        method.getItems().setAll(Method.values());
        method.setConverter(names("verify.method."));
        method.valueProperty().bindBidirectional(vm.methodProperty());
        ComboBox<OtpRoute> route = new ComboBox<>();
        route.setId("verify-route");
        route.getItems().setAll(OtpRoute.values());
        route.setConverter(names("verify.route."));
        route.valueProperty().bindBidirectional(vm.routeProperty());
        route.disableProperty().bind(vm.routeChoosableBinding().not());
        TextField id = new TextField();
        id.setId("verify-identifier");
        id.setPrefColumnCount(24);
        id.textProperty().bindBidirectional(vm.identifierProperty());
        id.setOnAction(e -> vm.sendOtp());
        steps.focusFirst(Step.IDENTIFY, method);
        Button send = button(i18n.get("verify.send"), vm::sendOtp);
        send.setId("verify-send");
        send.getStyleClass().add(Styles.PRIMARY);
        send.setDefaultButton(true);
        send.disableProperty().bind(vm.canSendBinding().not());
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, labelFor("verify.method", method), method);
        grid.addRow(1, labelFor("verify.route", route), route);
        grid.addRow(2, labelFor("verify.identifier", id), id);
        return new VBox(8, label(i18n.get("verify.intro"), Styles.SUBTITLE), grid,
                boundLabel(vm.identifierProblemProperty(), Styles.ERROR), send);
    }

    private Node otpStep() {
        VBox box = OtpViews.otpBox("verify", vm.otp(), i18n, vm::verifyOtp, vm.canVerifyBinding(), vm::resendOtp,
                vm.canResendBinding());
        steps.focusFirst(Step.OTP, box.lookup("#verify-otp"));
        return box;
    }

    private Node accountsStep() {
        ListView<AccountSummary> list = new ListView<>(vm.accounts());
        list.setId("verify-accounts");
        list.setPrefHeight(180);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AccountSummary a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : i18n.get("verify.account.row",
                        a.abhaNumber().map(AbhaNumber::masked).orElse("-"), a.name(),
                        i18n.get("gender." + a.gender().name()), a.birthDate()));
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.selectAccount(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.selectAccount(list.getSelectionModel().getSelectedItem());
            }
        });
        Button choose = button(i18n.get("verify.account.choose"),
                () -> vm.selectAccount(list.getSelectionModel().getSelectedItem()));
        choose.setId("verify-choose");
        choose.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        steps.focusFirst(Step.ACCOUNTS, list);
        return new VBox(8, label(i18n.get("verify.accounts.intro"), Styles.SUBTITLE), list, choose);
    }

    private Node profileStep() {
        Label summary = boundLabel(vm.profileSummaryProperty(), Styles.SUBTITLE);
        summary.setId("verify-profile");
        Button use = button(i18n.get("verify.use"), vm::usePatient);
        use.setId("verify-use");
        use.getStyleClass().add(Styles.PRIMARY);
        use.setDefaultButton(true);
        steps.focusFirst(Step.PROFILE, use);
        return new VBox(10, summary, use);
    }

    private Label labelFor(String key, Node target) {
        Label l = new Label(i18n.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    private <E extends Enum<E>> StringConverter<E> names(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : i18n.get(prefix + e.name());
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
