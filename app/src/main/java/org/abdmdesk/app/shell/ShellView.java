package org.abdmdesk.app.shell;

import static org.abdmdesk.app.common.Controls.label;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.abdmdesk.app.common.Controls;
import org.abdmdesk.app.common.EnterKey;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;

/** The main window: role switch on top, the role's workspace, and the status line. */
public final class ShellView extends BorderPane {
    private final ShellViewModel vm;
    private final I18n i18n;
    private final StackPane center = new StackPane();
    private FrontDeskView frontDeskView;

    public ShellView(ShellViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("shell");
        setTop(header());
        setCenter(center);
        setBottom(statusLine());
        center.getChildren().setAll(label(i18n.get("status.starting"), Styles.HINT));
        vm.frontDeskProperty().addListener((o, a, n) -> showRole());
        vm.roleProperty().addListener((o, a, n) -> showRole());
    }

    /** Puts the cursor in the patient search box (F2), once the front desk is there. */
    public void focusSearch() {
        if (frontDeskView != null) {
            frontDeskView.focusSearch();
        }
    }

    /** Installs the keyboard shortcuts on the window's scene. */
    public void installShortcuts(Scene scene) {
        EnterKey.install(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F2), () -> desk(d -> frontDeskView.focusSearch()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> desk(d -> {
                    d.newRegistration();
                    frontDeskView.focusRegistration();
                }));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> desk(FrontDeskViewModel::startCreateAbha));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> desk(FrontDeskViewModel::startVerifyAbha));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> desk(FrontDeskViewModel::startScanQr));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> desk(d -> {
                    if (d.hasShareQueue()) {
                        d.startShareQueue();
                    }
                }));
    }

    private void desk(java.util.function.Consumer<FrontDeskViewModel> action) {
        FrontDeskViewModel desk = vm.frontDeskProperty().get();
        if (desk != null && frontDeskView != null) {
            vm.roleProperty().set(ShellViewModel.Role.FRONT_DESK);
            action.accept(desk);
        }
    }

    private Node header() {
        ToggleGroup roles = new ToggleGroup();
        ToggleButton desk = new ToggleButton(i18n.get("role.frontDesk"));
        desk.setId("role-front-desk");
        ToggleButton doctor = new ToggleButton(i18n.get("role.doctor"));
        doctor.setId("role-doctor");
        desk.setToggleGroup(roles);
        doctor.setToggleGroup(roles);
        desk.setSelected(true);
        roles.selectedToggleProperty().addListener((o, a, n) -> {
            if (n == null) {
                a.setSelected(true);
            } else {
                vm.roleProperty().set(n == doctor ? ShellViewModel.Role.DOCTOR : ShellViewModel.Role.FRONT_DESK);
            }
        });
        vm.roleProperty().addListener((o, a, n) -> (n == ShellViewModel.Role.DOCTOR ? doctor : desk).setSelected(true));
        HBox bar = new HBox(12, label(i18n.get("app.title"), Styles.TITLE), Controls.spacer(), desk, doctor);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        return bar;
    }

    private Node statusLine() {
        Label mode = label("", Styles.DEMO_BADGE);
        mode.setId("status-mode");
        mode.textProperty().bind(vm.modeProperty());
        Label status = label("");
        status.setId("status-text");
        status.textProperty().bind(vm.statusProperty());
        Label exchange = label("");
        exchange.setId("status-exchange");
        exchange.textProperty().bind(vm.exchangeProperty());
        for (Label l : List.of(mode, status, exchange)) {
            l.setMinWidth(Region.USE_PREF_SIZE); // never squeeze "Ready." into a column of letters
        }
        Label shortcuts = label(i18n.get("status.shortcuts"), Styles.HINT);
        shortcuts.setMinWidth(0); // the shortcut hint gives way first
        HBox line = new HBox(12, mode, status, exchange, Controls.spacer(), shortcuts);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 16, 4, 16));
        line.getStyleClass().add(Styles.STATUS_BAR);
        return line;
    }

    private void showRole() {
        FrontDeskViewModel desk = vm.frontDeskProperty().get();
        if (vm.roleProperty().get() == ShellViewModel.Role.DOCTOR) {
            VBox placeholder = new VBox(8, label(i18n.get("doctor.title"), Styles.TITLE),
                    label(i18n.get("doctor.later"), Styles.HINT));
            placeholder.setId("doctor-placeholder");
            placeholder.setPadding(new Insets(24));
            center.getChildren().setAll(placeholder);
        } else if (desk != null) {
            if (frontDeskView == null) {
                frontDeskView = new FrontDeskView(desk, i18n);
            }
            center.getChildren().setAll(frontDeskView);
        }
    }
}
