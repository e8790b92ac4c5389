package org.abdmdesk.app.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.abdmdesk.app.common.I18n;

/** The main window's state: the role, the mode shown in the status line, and the front desk once ready. */
public final class ShellViewModel {
    public enum Role { FRONT_DESK, DOCTOR }

    private final I18n i18n;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.FRONT_DESK);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper(this, "mode", "");
    private final ReadOnlyObjectWrapper<FrontDeskViewModel> frontDesk = new ReadOnlyObjectWrapper<>(this, "frontDesk");

    public ShellViewModel(I18n i18n, String modeKey) {
        this.i18n = i18n;
        this.mode.set(i18n.get(modeKey));
        this.status.set(i18n.get("status.starting"));
    }

    /** The services are up: the front desk can be used. */
    public void ready(FrontDeskViewModel desk) {
        frontDesk.set(desk);
        status.set(i18n.get("status.ready"));
    }

    /** Start-up failed; the message is already translated. */
    public void failed(String message) {
        status.set(message);
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FrontDeskViewModel> frontDeskProperty() {
        return frontDesk.getReadOnlyProperty();
    }
}
