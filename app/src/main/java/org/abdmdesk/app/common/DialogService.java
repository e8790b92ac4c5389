package org.abdmdesk.app.common;

import java.nio.file.Path;
import java.util.Optional;
import org.abdmdesk.engine.abha.Document;
import org.abdmdesk.engine.error.AbdmException;

/**
 * Everything a view model needs to ask or tell the person outside its own screen. The FX
 * implementation shows windows; tests pass a recording fake, so view models never touch a Node.
 * All texts passed in are already translated.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the person said yes. */
    boolean confirm(String title, String message);

    void info(String title, String message);

    /** Shows ABDM's code, ABDM's words and our advice ({@link AbdmException#userMessage}). */
    void error(String title, AbdmException problem);

    void error(String title, String message);

    /** Asks where to save a file; empty when the person cancelled. */
    Optional<Path> chooseSaveFile(String title, String suggestedFileName);

    /** Asks which image file to open; empty when the person cancelled. */
    Optional<Path> chooseImageFile(String title);

    /** Prints an image document (an ABHA card); false when the person cancelled or printing failed. */
    boolean print(Document document);
}
