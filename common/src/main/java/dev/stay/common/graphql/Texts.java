package dev.stay.common.graphql;

/** What every free text Stay stores must be: printable (line breaks and tabs allowed where text runs long). */
public final class Texts {

    private Texts() {}

    /** Whether the text holds a control character other than a line break or a tab (NUL, ESC, DEL...). */
    public static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
