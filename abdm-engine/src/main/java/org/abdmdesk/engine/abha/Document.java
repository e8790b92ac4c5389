package org.abdmdesk.engine.abha;

/** Bytes from ABDM with their content type, e.g. an ABHA card ({@code image/png}, {@code application/pdf}). */
public record Document(String contentType, byte[] bytes) {
    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    /** A file extension for saving: png, jpg, pdf or svg. */
    public String extension() {
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("pdf")) {
            return "pdf";
        }
        if (t.contains("svg")) {
            return "svg";
        }
        if (t.contains("jpeg") || t.contains("jpg")) {
            return "jpg";
        }
        return "png";
    }
}
