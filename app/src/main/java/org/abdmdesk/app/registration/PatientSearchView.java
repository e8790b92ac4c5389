package org.abdmdesk.app.registration;

import static org.abdmdesk.app.common.Controls.boundLabel;
import static org.abdmdesk.app.common.Controls.label;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.common.Styles;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.MobileNumber;
import org.abdmdesk.engine.patient.Patient;

/** The search box and its results; Enter searches, Enter or double-click on a row opens it. */
public final class PatientSearchView extends VBox {
    private final PatientSearchViewModel vm;
    private final I18n i18n;
    private final TextField box = new TextField();

    public PatientSearchView(PatientSearchViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setSpacing(8);
        setPadding(new Insets(16));
        TableView<Patient> table = results();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(label(i18n.get("search.title"), Styles.SUBTITLE), searchBox(),
                boundLabel(vm.summaryProperty(), Styles.HINT), table);
    }

    /**
     * Puts the cursor in the search box. Right after start-up the box is not in the scene yet (the
     * split pane adds its items when its skin is made), so the request then waits for the scene.
     */
    public void focusSearch() {
        if (box.getScene() != null) {
            box.requestFocus();
            box.selectAll();
            return;
        }
        box.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                    javafx.scene.Scene old, javafx.scene.Scene scene) {
                if (scene != null) {
                    box.sceneProperty().removeListener(this);
                    javafx.application.Platform.runLater(PatientSearchView.this::focusSearch);
                }
            }
        });
    }

    private TextField searchBox() {
        box.setId("search-box");
        box.setPromptText(i18n.get("search.prompt"));
        box.textProperty().bindBidirectional(vm.queryProperty());
        box.setOnAction(e -> vm.search());
        return box;
    }

    private TableView<Patient> results() {
        TableView<Patient> table = new TableView<>(vm.results());
        table.setId("search-results");
        table.setPlaceholder(label(i18n.get("search.placeholder"), Styles.HINT));
        table.getColumns().add(column("search.col.mrn", Patient::mrn));
        table.getColumns().add(column("search.col.name", Patient::name));
        table.getColumns().add(column("search.col.mobile", p -> p.mobile().map(MobileNumber::masked).orElse("")));
        table.getColumns().add(column("search.col.abha", p -> p.abhaNumber().map(AbhaNumber::masked).orElse("")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.open(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(table.getSelectionModel().getSelectedItem());
            }
        });
        return table;
    }

    private TableColumn<Patient, String> column(String key, Function<Patient, String> value) {
        TableColumn<Patient, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
