package org.abdmdesk.app.share;

import static org.abdmdesk.app.common.Controls.boundLabel;
import static org.abdmdesk.app.common.Controls.button;
import static org.abdmdesk.app.common.Controls.label;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;

/**
 * The scan-and-share screen: the counter QR on the left, the token queue on the right. Keys: F5 call
 * next, F6 done, Enter open the patient, Ctrl+P print the token slip.
 */
public final class ShareQueueView extends BorderPane {
    static final double QR_SIZE = 240;

    private final ShareQueueViewModel vm;
    private final TableView<QueueRow> table;

    public ShareQueueView(ShareQueueViewModel vm, I18n i18n) {
        this.vm = vm;
        setId("share-queue");
        this.table = table(i18n);
        setLeft(qrPane(i18n));
        setCenter(queuePane(i18n));
        setPadding(new Insets(12));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                vm.callNext();
                e.consume();
            } else if (e.getCode() == KeyCode.F6) {
                vm.markDone();
                e.consume();
            } else if (e.getCode() == KeyCode.P && e.isShortcutDown()) {
                vm.printSlip();
                e.consume();
            }
        });
        Platform.runLater(table::requestFocus);
    }

    private VBox qrPane(I18n i18n) {
        ComboBox<String> counter = new ComboBox<>(vm.counters());
        counter.setId("share-counter");
        counter.valueProperty().bindBidirectional(vm.counterProperty());
        ImageView qr = new ImageView();
        qr.setId("share-qr-image");
        qr.setFitWidth(QR_SIZE);
        qr.setFitHeight(QR_SIZE);
        qr.setPreserveRatio(true);
        Runnable paint = () -> qr.setImage(new Image(new ByteArrayInputStream(vm.qrPng())));
        vm.qrTextProperty().addListener((o, a, n) -> paint.run());
        paint.run();
        Label url = boundLabel(vm.qrTextProperty(), Styles.HINT);
        url.setId("share-qr-text");
        url.setWrapText(true);
        url.setMaxWidth(QR_SIZE);
        Button print = button(i18n.get("share.printQr"), vm::printQr);
        print.setId("share-print-qr");
        Label intro = label(i18n.get("share.qr.intro"), Styles.HINT);
        intro.setWrapText(true);
        intro.setMaxWidth(QR_SIZE);
        VBox box = new VBox(8, label(i18n.get("share.qr.title"), Styles.SUBTITLE),
                new HBox(8, label(i18n.get("share.counter")), counter), qr, url, print, intro);
        box.setPadding(new Insets(0, 16, 0, 0));
        return box;
    }

    private VBox queuePane(I18n i18n) {
        Button next = button(i18n.get("share.callNext"), vm::callNext);
        next.setId("share-call-next");
        Button done = button(i18n.get("share.done"), vm::markDone);
        done.setId("share-done");
        Button open = button(i18n.get("share.open"), vm::openSelected);
        open.setId("share-open");
        Button slip = button(i18n.get("share.printSlip"), vm::printSlip);
        slip.setId("share-print-slip");
        done.disableProperty().bind(vm.selectedProperty().isNull());
        open.disableProperty().bind(vm.selectedProperty().isNull());
        slip.disableProperty().bind(vm.selectedProperty().isNull());
        for (Button b : List.of(next, done, open, slip)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // whole words on buttons; the row wraps instead
        }
        FlowPane actions = new FlowPane(8, 8, next, done, open, slip);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = boundLabel(vm.messageProperty(), Styles.SUCCESS);
        message.setId("share-message");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(8, label(i18n.get("share.queue.title"), Styles.SUBTITLE), table, actions, message,
                label(i18n.get("share.keys"), Styles.HINT));
    }

    private TableView<QueueRow> table(I18n i18n) {
        TableView<QueueRow> t = new TableView<>(vm.rows());
        t.setId("share-table");
        t.setPlaceholder(label(i18n.get("share.queue.empty"), Styles.HINT));
        t.getColumns().addAll(List.of(
                column(i18n.get("share.col.token"), r -> Integer.toString(r.number()), 55),
                column(i18n.get("share.col.name"), QueueRow::name, 150),
                column(i18n.get("share.col.abha"), QueueRow::abha, 150),
                column(i18n.get("share.col.ageGender"), QueueRow::ageGender, 90),
                column(i18n.get("share.col.time"), QueueRow::time, 60),
                column(i18n.get("share.col.status"), QueueRow::statusText, 80)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> {
            if (vm.selectedProperty().get() != n) {
                vm.selectedProperty().set(n);
            }
        });
        vm.selectedProperty().addListener((o, a, n) -> {
            if (t.getSelectionModel().getSelectedItem() != n) {
                if (n == null) {
                    t.getSelectionModel().clearSelection();
                } else {
                    t.getSelectionModel().select(n);
                }
            }
        });
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.openSelected();
                e.consume();
            }
        });
        return t;
    }

    private static TableColumn<QueueRow, String> column(String title, Function<QueueRow, String> value, double width) {
        TableColumn<QueueRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
