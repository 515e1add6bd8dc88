package dev.stay.catalog.search;

import java.text.Normalizer;
import java.util.Locale;

/** Text as the index compares it: lower case, accents removed ("São Paulo" and "sao paulo" are one city). */
public final class Folding {

    private Folding() {}

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
