package org.abdmdesk.app.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abdmdesk.app.common.DialogService;
import org.abdmdesk.engine.abha.Document;
import org.abdmdesk.engine.error.AbdmException;

/** A {@link DialogService} that records what it was asked and answers as the test says. */
public final class RecordingDialogs implements DialogService {
    public final List<String> shown = new CopyOnWriteArrayList<>();
    public boolean confirmAnswer = true;
    public Path saveTarget;
    public Path imageToOpen;
    public final List<Document> printed = new ArrayList<>();

    @Override
    public boolean confirm(String title, String message) {
        shown.add("confirm: " + message);
        return confirmAnswer;
    }

    @Override
    public void info(String title, String message) {
        shown.add("info: " + message);
    }

    @Override
    public void error(String title, AbdmException problem) {
        shown.add("error: " + problem.getMessage());
    }

    @Override
    public void error(String title, String message) {
        shown.add("error: " + message);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedFileName) {
        return Optional.ofNullable(saveTarget);
    }

    @Override
    public Optional<Path> chooseImageFile(String title) {
        return Optional.ofNullable(imageToOpen);
    }

    @Override
    public boolean print(Document document) {
        printed.add(document);
        return true;
    }

    public Optional<String> last() {
        return shown.isEmpty() ? Optional.empty() : Optional.of(shown.get(shown.size() - 1));
    }
}
