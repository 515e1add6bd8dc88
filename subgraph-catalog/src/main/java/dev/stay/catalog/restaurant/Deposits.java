package dev.stay.catalog.restaurant;

import dev.stay.common.money.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A deposit as Stay shows money: a plain decimal with its currency's own decimals (EUR 10.00, JPY 1500, KWD 2.500). */
final class Deposits {

    private Deposits() {}

    static String amount(BigDecimal amount, String currency) {
        int digits = Currencies.digits(currency).orElse(2);
        return amount.setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
