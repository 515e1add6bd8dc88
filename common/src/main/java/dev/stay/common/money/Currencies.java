package dev.stay.common.money;

import java.util.Currency;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The currencies a property may price in, and how many decimals each has. Stay stores and shows an amount with its
 * currency's own decimals (KWD 12.345, JPY 1200, EUR 90.50), so a currency without a fixed number of decimals
 * (XXX, gold XAU, the IMF's XDR...) or a fund code that is not a means of payment (CLF, USN...) cannot price a stay.
 */
public final class Currencies {

    /** ISO 4217 fund codes: units of account, not money a guest pays in. */
    private static final Set<String> FUNDS = Set.of("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW");

    private Currencies() {}

    /** The decimals of a currency a price may be in; empty when the code is not such a currency. */
    public static OptionalInt digits(String code) {
        if (code == null || !code.matches("[A-Z]{3}") || FUNDS.contains(code)) {
            return OptionalInt.empty();
        }
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? OptionalInt.empty() : OptionalInt.of(digits);
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    public static boolean isMoney(String code) {
        return digits(code).isPresent();
    }
}
