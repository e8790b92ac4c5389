package org.abdmdesk.app.qr;

import static org.abdmdesk.app.common.Controls.boundLabel;
import static org.abdmdesk.app.common.Controls.button;
import static org.abdmdesk.app.common.Controls.label;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;

/** Scan with the camera, or open an image file. */
public final class QrScanView extends VBox {
    public QrScanView(QrScanViewModel vm, I18n i18n) {
        setId("qr-scan");
        setSpacing(10);
        setPadding(new Insets(16));
        Button camera = button(i18n.get("qr.camera.start"), vm::startCamera);
        camera.setId("qr-camera");
        camera.setDefaultButton(true);
        camera.disableProperty().bind(vm.scanningProperty());
        Button file = button(i18n.get("qr.file.open"), vm::openImageFile);
        file.setId("qr-file");
        Button stop = button(i18n.get("qr.stop"), vm::stop);
        stop.setCancelButton(true);
        stop.disableProperty().bind(vm.scanningProperty().not());
        getChildren().addAll(label(i18n.get("qr.title"), Styles.TITLE), boundLabel(vm.statusProperty(), Styles.HINT),
                new HBox(8, camera, file, stop), boundLabel(vm.errorProperty(), Styles.ERROR),
                label(i18n.get("qr.notProof"), Styles.HINT));
    }
}
