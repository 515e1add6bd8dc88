package dev.stay.common.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrenciesTest {

    @ParameterizedTest
    @CsvSource({"EUR, 2", "KWD, 3", "BHD, 3", "JPY, 0", "ISK, 0", "XOF, 0", "XCD, 2", "USD, 2"})
    void moneyHasItsOwnDecimals(String code, int digits) {
        assertThat(Currencies.digits(code)).hasValue(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "XAG", "XPT", "XPD", "XDR", "XTS", "CLF", "USN", "eur", "EURO", "ZZZ", "", " EUR"})
    void whatIsNotMoneyCannotPriceAStay(String code) {
        assertThat(Currencies.digits(code)).isEmpty();
        assertThat(Currencies.isMoney(code)).isFalse();
    }
}
