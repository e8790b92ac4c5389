package org.abdmdesk.app.demo;

import static org.abdmdesk.app.common.Controls.label;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;

/** The "Patient phone (demo)" window. */
public final class PatientPhoneWindow {
    private PatientPhoneWindow() {
    }

    public static Stage open(PatientPhoneViewModel vm, I18n i18n) {
        TableView<PatientPhoneViewModel.Message> table = new TableView<>(vm.messages());
        table.setId("phone-messages");
        table.getColumns().add(column(i18n.get("phone.col.time"), PatientPhoneViewModel.Message::time));
        table.getColumns().add(column(i18n.get("phone.col.mobile"), PatientPhoneViewModel.Message::mobile));
        table.getColumns().add(column(i18n.get("phone.col.purpose"), PatientPhoneViewModel.Message::purpose));
        table.getColumns().add(column(i18n.get("phone.col.otp"), PatientPhoneViewModel.Message::otp));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox root = new VBox(8, label(i18n.get("phone.intro"), Styles.HINT), table);
        root.setPadding(new Insets(10));
        Scene scene = new Scene(root, 460, 360);
        scene.getStylesheets().add(Styles.STYLESHEET);
        Stage stage = new Stage();
        stage.setTitle(i18n.get("phone.title"));
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static TableColumn<PatientPhoneViewModel.Message, String> column(String title,
            Function<PatientPhoneViewModel.Message, String> value) {
        TableColumn<PatientPhoneViewModel.Message, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
