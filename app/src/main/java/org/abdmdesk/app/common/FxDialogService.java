package org.abdmdesk.app.common;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.print.PrinterJob;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.abdmdesk.engine.abha.Document;
import org.abdmdesk.engine.error.AbdmException;

/** The real {@link DialogService}: JavaFX alerts, file choosers and the printer dialog. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final I18n i18n;

    public FxDialogService(Supplier<Window> owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getButtonTypes().setAll(ButtonType.YES, ButtonType.NO);
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    @Override
    public void info(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public void error(String title, AbdmException problem) {
        error(title, problem.userMessage(i18n.locale()));
    }

    @Override
    public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedFileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedFileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseImageFile(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(i18n.get("common.imageFiles"), "*.png", "*.jpg", "*.jpeg", "*.bmp"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public boolean print(Document document) {
        if (!document.isImage()) {
            return false;
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null || !job.showPrintDialog(owner.get())) {
            return false;
        }
        ImageView view = new ImageView(new Image(new ByteArrayInputStream(document.bytes())));
        view.setPreserveRatio(true);
        view.setFitWidth(job.getJobSettings().getPageLayout().getPrintableWidth());
        boolean printed = job.printPage(view);
        return printed && job.endJob();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert;
    }
}
