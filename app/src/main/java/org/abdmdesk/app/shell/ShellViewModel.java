package org.abdmdesk.app.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.engine.relay.LinkState;

/** The main window's state: the role, the mode shown in the status line, and the front desk once ready. */
public final class ShellViewModel {
    public enum Role { FRONT_DESK, DOCTOR }

    private final I18n i18n;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.FRONT_DESK);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper exchange = new ReadOnlyStringWrapper(this, "exchange", "");
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

    /** Messages with ABDM changed: the relay link, the outbox and failed callbacks, in words. */
    public void exchange(ExchangeStatus s) {
        StringBuilder text = new StringBuilder();
        if (!s.configured()) {
            text.append(i18n.get("status.link.notSetUp"));
        } else {
            text.append(i18n.get("status.link." + s.link().name()));
            if (s.link() != LinkState.CONNECTED) {
                s.failure().ifPresent(f -> text.append(" \u2014 ").append(i18n.problem(f)));
            }
        }
        if (s.outboxWaiting() > 0) {
            text.append(" \u00b7 ").append(i18n.get("status.outbox.waiting", s.outboxWaiting()));
        }
        if (s.outboxFailed() > 0) {
            text.append(" \u00b7 ").append(i18n.get("status.outbox.failed", s.outboxFailed()));
        }
        if (s.inboundFailed() > 0) {
            text.append(" \u00b7 ").append(i18n.get("status.inbound.failed", s.inboundFailed()));
        }
        exchange.set(text.toString());
    }

    /** The relay link, replies waiting or failed, callbacks failed; empty until the services are ready. */
    public ReadOnlyStringProperty exchangeProperty() {
        return exchange.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FrontDeskViewModel> frontDeskProperty() {
        return frontDesk.getReadOnlyProperty();
    }
}
