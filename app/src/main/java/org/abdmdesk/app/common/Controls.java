package org.abdmdesk.app.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small factories the views share, so every screen looks and behaves alike. */
public final class Controls {
    private Controls() {
    }

    public static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines rather than cut the sentence with "..."
        return l;
    }

    /** A label bound to a changing text; hidden (and taking no room) while the text is empty. */
    public static Label boundLabel(ObservableValue<String> text, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A button whose text may carry a mnemonic ("_Send OTP"). */
    public static Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setMnemonicParsing(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** "working..." with a Cancel button; shown only while {@code calls} runs. */
    /** Esc anywhere inside {@code view} cancels the running call (and only then is the key used up). */
    public static void cancelOnEscape(javafx.scene.Node view, BackgroundCalls calls, Runnable cancel) {
        view.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && calls.isRunning()) {
                cancel.run();
                e.consume();
            }
        });
    }

    public static HBox progress(BackgroundCalls calls, I18n i18n) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        Button cancel = button(i18n.get("common.cancelCall"), calls::cancel);
        cancel.setCancelButton(false);
        HBox box = new HBox(8, spinner, label(i18n.get("common.working"), Styles.HINT), cancel);
        box.visibleProperty().bind(calls.runningProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
