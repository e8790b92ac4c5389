package org.abdmdesk.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.abdmdesk.app.common.I18n;
import org.abdmdesk.app.support.DeskScene;
import org.abdmdesk.app.support.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A desk started with Locale "hi" speaks Hindi at run time: the front desk and the create-ABHA consent step. */
@ExtendWith(ApplicationExtension.class)
class HindiSceneTest {
    private static final ResourceBundle HI = ResourceBundle.getBundle(I18n.BUNDLE, Locale.of("hi"));

    @TempDir
    Path dataDir;
    private DeskScene scene;

    @Start
    void start(Stage stage) {
        scene = DeskScene.show(stage, dataDir, new RecordingDialogs(), Locale.of("hi"));
    }

    @AfterEach
    void stop() throws Exception {
        scene.services.close();
    }

    @Test
    void theFrontDeskAndTheConsentStepAreInHindi(FxRobot robot) throws Exception {
        assertThat(labelled(robot, "#desk-create-abha")).isEqualTo(HI.getString("desk.createAbha")).matches(".*\\p{InDevanagari}.*");
        assertThat(labelled(robot, "#desk-verify-abha")).isEqualTo(HI.getString("desk.verifyAbha"));
        assertThat(labelled(robot, "#reg-save")).isEqualTo(HI.getString("registration.save"));
        assertThat(labelled(robot, "#role-front-desk")).isEqualTo(HI.getString("role.frontDesk"));
        assertThat(robot.lookup(HI.getString("search.title")).tryQuery()).isPresent();

        robot.clickOn("#desk-create-abha");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#consent-agree").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labelled(robot, "#consent-agree")).isEqualTo(HI.getString("consent.agree"));
        assertThat(robot.lookup(HI.getString("consent.intro")).tryQuery()).isPresent();
        assertThat(robot.lookup(HI.getString("consent.heading")).tryQuery()).isPresent();
        CheckBox first = robot.lookup("#consent-1").queryAs(CheckBox.class);
        assertThat(first.getText()).startsWith("1. ").matches("(?s).*\\p{InDevanagari}.*");
        RadioButton hindi = robot.lookup(HI.getString("consent.lang.hi")).queryAs(RadioButton.class);
        assertThat(hindi.isSelected()).as("the consent is offered in the desk's language first").isTrue();
    }

    private static String labelled(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return ((Labeled) n).getText();
    }
}
