package org.abdmdesk.app.demo;

import static org.abdmdesk.app.common.Controls.boundLabel;
import static org.abdmdesk.app.common.Controls.button;
import static org.abdmdesk.app.common.Controls.label;

import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.abdmdesk.app.common.Controls;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;

/**
 * The "Patient phone (demo)" window: the OTPs the simulator sent (newest on top, lit up for a few
 * seconds) and the demo people and numbers to try, each with a Copy button. It stands beside the
 * main window.
 */
public final class PatientPhoneWindow {
    public static final double WIDTH = 440;
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    private static final Duration FRESH_FOR = Duration.seconds(4);

    private PatientPhoneWindow() {
    }

    /** The FX clipboard, for {@link PatientPhoneViewModel}'s Copy. Call on the FX thread. */
    public static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Opens the phone beside {@code main} (or at the screen's right edge when there is no room). */
    public static Stage open(PatientPhoneViewModel vm, I18n i18n, Window main) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double height = Math.min(screen.getHeight(), main == null ? 760 : Math.max(560, main.getHeight()));
        Scene scene = new Scene(content(vm, i18n), WIDTH, height);
        scene.getStylesheets().add(Styles.STYLESHEET);
        Stage stage = new Stage();
        stage.setTitle(i18n.get("phone.title"));
        stage.setScene(scene);
        Rectangle2D mainBounds = main == null ? new Rectangle2D(screen.getMinX(), screen.getMinY(), 0, 0)
                : new Rectangle2D(main.getX(), main.getY(), main.getWidth(), main.getHeight());
        Point2D at = PhonePlacement.beside(screen, mainBounds, WIDTH, height);
        stage.setX(at.getX());
        stage.setY(at.getY());
        stage.show();
        return stage;
    }

    /** The phone's content (public so tests can show it in their own stage). */
    public static VBox content(PatientPhoneViewModel vm, I18n i18n) {
        TableView<PatientPhoneViewModel.Message> table = messages(vm, i18n);
        Button copyOtp = button(i18n.get("phone.copyOtp"), () -> vm.copy(table.getSelectionModel().getSelectedItem()));
        copyOtp.setId("phone-copy-otp");
        copyOtp.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label copied = boundLabel(vm.copiedProperty(), Styles.SUCCESS);
        copied.setId("phone-copied");

        VBox people = new VBox(10);
        people.getChildren().add(scanAndShare(vm, i18n));
        people.getChildren().add(label(i18n.get("phone.residents.title"), Styles.SUBTITLE));
        people.getChildren().add(label(i18n.get("phone.residents.intro"), Styles.HINT));
        vm.residents().forEach(f -> people.getChildren().add(fixture(vm, i18n, f)));
        people.getChildren().add(label(i18n.get("phone.verify.title"), Styles.SUBTITLE));
        people.getChildren().add(label(i18n.get("phone.verify.intro"), Styles.HINT));
        vm.verifyFixtures().forEach(f -> people.getChildren().add(fixture(vm, i18n, f)));
        people.setPadding(new Insets(4, 12, 4, 0));
        ScrollPane scroll = new ScrollPane(people);
        scroll.setId("phone-fixtures");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label intro = label(i18n.get("phone.intro"), Styles.HINT);
        intro.setId("phone-intro");
        VBox root = new VBox(8, intro, label(i18n.get("phone.messages.title"), Styles.SUBTITLE), table,
                new HBox(8, copyOtp, copied), scroll);
        root.setId("patient-phone");
        root.setPadding(new Insets(10));
        return root;
    }

    private static TableView<PatientPhoneViewModel.Message> messages(PatientPhoneViewModel vm, I18n i18n) {
        TableView<PatientPhoneViewModel.Message> table = new TableView<>(vm.messages());
        table.setId("phone-messages");
        table.setPrefHeight(190);
        table.setMinHeight(120);
        table.setPlaceholder(label(i18n.get("phone.messages.none"), Styles.HINT));
        // the OTP next to the time, the purpose last where it can take the rest of the width
        table.getColumns().addAll(List.of(
                column(i18n.get("phone.col.time"), PatientPhoneViewModel.Message::time, 72),
                column(i18n.get("phone.col.otp"), PatientPhoneViewModel.Message::otp, 84),
                column(i18n.get("phone.col.mobile"), PatientPhoneViewModel.Message::mobile, 92),
                column(i18n.get("phone.col.purpose"), PatientPhoneViewModel.Message::purpose, 150)));
        table.getColumns().get(1).getStyleClass().add(Styles.OTP_FIELD);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        // the newest message is lit for a few seconds so the eye finds it
        ObjectProperty<PatientPhoneViewModel.Message> fresh = new SimpleObjectProperty<>();
        PauseTransition fade = new PauseTransition(FRESH_FOR);
        fade.setOnFinished(e -> fresh.set(null));
        vm.newestProperty().addListener((o, a, n) -> {
            fresh.set(n);
            fade.playFromStart();
            table.scrollTo(0);
        });
        table.setRowFactory(t -> {
            TableRow<PatientPhoneViewModel.Message> row = new TableRow<>();
            Runnable mark = () -> row.pseudoClassStateChanged(FRESH, row.getItem() != null && row.getItem() == fresh.get());
            row.itemProperty().addListener((o, a, n) -> mark.run());
            fresh.addListener((o, a, n) -> mark.run());
            return row;
        });
        return table;
    }

    private static Node scanAndShare(PatientPhoneViewModel vm, I18n i18n) {
        ComboBox<PatientPhoneViewModel.Fixture> who = new ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(vm.shareFixtures()));
        who.setId("phone-share-who");
        who.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PatientPhoneViewModel.Fixture f) {
                return f == null ? "" : f.title() + " \u00b7 " + f.shown();
            }

            @Override
            public PatientPhoneViewModel.Fixture fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        who.valueProperty().bindBidirectional(vm.sharerProperty());
        Button scan = button(i18n.get("phone.share.scan"), vm::scanCounterQr);
        scan.setId("phone-share-scan");
        scan.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        who.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(who, javafx.scene.layout.Priority.ALWAYS);
        who.setMinWidth(0);
        Label result = boundLabel(vm.shareResultProperty(), Styles.BIG_NUMBER);
        result.setId("phone-share-result");
        result.setWrapText(true);
        VBox box = new VBox(4, label(i18n.get("phone.share.title"), Styles.SECTION_TITLE),
                label(i18n.get("phone.share.intro"), Styles.HINT), new HBox(8, who, scan), result);
        box.getStyleClass().add(Styles.SECTION);
        return box;
    }

    private static Node fixture(PatientPhoneViewModel vm, I18n i18n, PatientPhoneViewModel.Fixture f) {
        Label value = label(f.shown(), Styles.BIG_NUMBER);
        value.setId("fixture-value-" + f.id());
        Button copy = button(i18n.get("phone.copy"), () -> vm.copy(f));
        copy.setId("fixture-copy-" + f.id());
        HBox line = new HBox(8, value, Controls.spacer(), copy);
        line.setAlignment(Pos.CENTER_LEFT);
        Label note = label(f.note(), Styles.HINT);
        note.setId("fixture-note-" + f.id());
        VBox box = new VBox(2, label(f.title(), Styles.SECTION_TITLE), line, note);
        box.getStyleClass().add(Styles.SECTION);
        return box;
    }

    private static TableColumn<PatientPhoneViewModel.Message, String> column(String title,
            Function<PatientPhoneViewModel.Message, String> value, double width) {
        TableColumn<PatientPhoneViewModel.Message, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
