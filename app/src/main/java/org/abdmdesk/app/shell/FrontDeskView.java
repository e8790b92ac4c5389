package org.abdmdesk.app.shell;

import static org.abdmdesk.app.common.Controls.button;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.abdmdesk.app.abha.create.CreateAbhaView;
import org.abdmdesk.app.abha.create.CreateAbhaViewModel;
import org.abdmdesk.app.abha.dl.DrivingLicenceView;
import org.abdmdesk.app.abha.dl.DrivingLicenceViewModel;
import org.abdmdesk.app.abha.verify.VerifyAbhaView;
import org.abdmdesk.app.abha.verify.VerifyAbhaViewModel;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.qr.QrScanView;
import org.abdmdesk.app.share.ShareQueueView;
import org.abdmdesk.app.share.ShareQueueViewModel;
import org.abdmdesk.app.qr.QrScanViewModel;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.app.registration.PatientSearchView;
import org.abdmdesk.app.registration.RegistrationView;

/** Toolbar, search on the left, the registration form or the open ABHA flow on the right. */
public final class FrontDeskView extends BorderPane {
    private final FrontDeskViewModel vm;
    private final I18n i18n;
    private final RegistrationView registrationView;
    private final PatientSearchView searchView;
    private final ScrollPane workspace = new ScrollPane();
    private Object shownFlow;

    public FrontDeskView(FrontDeskViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.registrationView = new RegistrationView(vm.registration(), i18n, vm::startVerifyAbha);
        this.searchView = new PatientSearchView(vm.search(), i18n);
        setId("front-desk");
        setTop(toolbar());
        workspace.setFitToWidth(true);
        SplitPane split = new SplitPane(searchView, workspace);
        split.setDividerPositions(0.38);
        setCenter(split);
        vm.screenProperty().addListener((o, a, n) -> showScreen(true));
        vm.flowProperty().addListener((o, a, n) -> showScreen(true));
        showScreen(false);
    }

    /** Puts the cursor in the registration form's first field (after Ctrl+N). */
    public void focusRegistration() {
        if (vm.flowProperty().get() == null) {
            Platform.runLater(registrationView::focusFirstField);
        }
    }

    public void focusSearch() {
        searchView.focusSearch();
    }

    private Node toolbar() {
        Button create = button(i18n.get("desk.createAbha"), vm::startCreateAbha);
        create.setId("desk-create-abha");
        Button verify = button(i18n.get("desk.verifyAbha"), vm::startVerifyAbha);
        verify.setId("desk-verify-abha");
        Button scan = button(i18n.get("desk.scanQr"), vm::startScanQr);
        scan.setId("desk-scan-qr");
        Button newReg = button(i18n.get("desk.newRegistration"), vm::newRegistration);
        newReg.setId("desk-new");
        Button share = button(i18n.get("desk.shareQueue"), vm::startShareQueue);
        share.setId("desk-share-queue");
        share.setVisible(vm.hasShareQueue());
        share.setManaged(vm.hasShareQueue());
        Button back = button(i18n.get("desk.back"), vm::backToRegistration);
        back.setId("desk-back");
        back.visibleProperty().bind(vm.screenProperty().isNotEqualTo(FrontDeskViewModel.Screen.REGISTRATION));
        HBox bar = new HBox(8, newReg, create, verify, scan, share, back);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add(Styles.TOOLBAR);
        return bar;
    }

    /**
     * Shows the open flow's view (built once per flow view model) or the registration form;
     * {@code focus}: put the cursor in the registration form's first field when it is shown.
     */
    private void showScreen(boolean focus) {
        Object flow = vm.flowProperty().get();
        if (workspace.getContent() == null || flow != shownFlow) {
            shownFlow = flow;
            workspace.setContent(viewFor(flow));
        }
        if (flow == null && focus) {
            Platform.runLater(registrationView::focusFirstField);
        }
    }

    private Node viewFor(Object flow) {
        if (flow instanceof CreateAbhaViewModel c) {
            return new CreateAbhaView(c, i18n);
        } else if (flow instanceof DrivingLicenceViewModel d) {
            return new DrivingLicenceView(d, i18n);
        } else if (flow instanceof VerifyAbhaViewModel v) {
            return new VerifyAbhaView(v, i18n);
        } else if (flow instanceof QrScanViewModel q) {
            return new QrScanView(q, i18n);
        } else if (flow instanceof ShareQueueViewModel q) {
            return new ShareQueueView(q, i18n);
        }
        return registrationView;
    }
}
