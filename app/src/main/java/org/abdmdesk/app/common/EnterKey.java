package org.abdmdesk.app.common;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter means "do it" wherever the cursor is. JavaFX fires the default button on Enter only from
 * text fields; a focused check box, radio button, closed drop-down or list eats the key, and a
 * focused ordinary button ignores it. This filter makes Enter on those fire the screen's default
 * (primary) button, and Enter on a focused button press that button.
 */
public final class EnterKey {
    private EnterKey() {
    }

    public static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isAltDown() || e.isControlDown() || e.isShiftDown()
                    || e.isMetaDown()) {
                return;
            }
            Node focus = scene.getFocusOwner();
            if (focus instanceof Button b && !b.isDisabled()) {
                b.fire();
                e.consume();
            } else if (focus instanceof ButtonBase || focus instanceof ListView<?>
                    || focus instanceof ComboBoxBase<?> c && !c.isShowing()) {
                defaultButton(scene.getRoot()).ifPresent(b -> {
                    b.fire();
                    e.consume();
                });
            }
        });
    }

    /** The enabled, showing default button of the screen, if there is one. */
    static Optional<Button> defaultButton(Parent root) {
        return root.lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && b.isDefaultButton() && !b.isDisabled() && showing(b))
                .map(Button.class::cast).findFirst();
    }

    private static boolean showing(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
