package org.abdmdesk.app.common;

/** Style-class names of the one theme ({@code theme/desk.css}); views never set colours themselves. */
public final class Styles {
    public static final String STYLESHEET = "/org/abdmdesk/app/theme/desk.css";

    public static final String TITLE = "title";
    public static final String SUBTITLE = "subtitle";
    public static final String SECTION = "section";
    public static final String ERROR = "error-text";
    public static final String HINT = "hint-text";
    public static final String SUCCESS = "success-text";
    public static final String STATUS_BAR = "status-bar";
    public static final String DEMO_BADGE = "demo-badge";
    public static final String PRIMARY = "primary";
    public static final String BIG_NUMBER = "big-number";
    public static final String CARD = "card";
    public static final String TOOLBAR = "desk-toolbar";
    public static final String OTP_FIELD = "otp-field";
    public static final String SECTION_TITLE = "section-title";

    private Styles() {
    }
}
