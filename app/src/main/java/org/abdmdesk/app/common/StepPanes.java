package org.abdmdesk.app.common;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The one-step-at-a-time area of a flow view (create ABHA, verify ABHA, driving licence): each step's
 * pane is built on first show and kept, only the current step is on screen (so Enter always means that
 * step's main button), and the step's first field gets the focus when it appears.
 */
public final class StepPanes<S extends Enum<S>> {
    private final StackPane content = new StackPane();
    private final Map<S, Node> panes;
    private final Map<S, Node> firstFocus;
    private final Function<S, Node> build;

    public StepPanes(Class<S> steps, Function<S, Node> build) {
        this.panes = new EnumMap<>(steps);
        this.firstFocus = new EnumMap<>(steps);
        this.build = build;
    }

    /** The node to place in the view. */
    public StackPane node() {
        return content;
    }

    /** Called while building {@code step}'s pane: {@code node} gets the focus whenever the step shows. */
    public void focusFirst(S step, Node node) {
        firstFocus.put(step, node);
    }

    /** Shows the current step now and whenever {@code step} changes. */
    public void follow(ObservableValue<S> step) {
        step.addListener((o, a, n) -> show(n));
        show(step.getValue());
    }

    private void show(S step) {
        content.getChildren().setAll(panes.computeIfAbsent(step, build));
        Node focus = firstFocus.get(step);
        if (focus != null) {
            Platform.runLater(focus::requestFocus);
        }
    }
}
