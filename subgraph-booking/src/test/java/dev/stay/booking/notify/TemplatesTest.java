package dev.stay.booking.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplatesTest {

    final Templates templates = new Templates();
    final BookedStay stay = new BookedStay(UUID.randomUUID(), "STY-ABC123", UUID.randomUUID(), UUID.randomUUID(),
            LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 3),
            2, new BigDecimal("1234.50"), new BigDecimal("100.00"), "EUR", Instant.now());

    @Test
    void everyKindHasAnEmailWithASubjectAndAnSmsInEveryLanguageWithEveryPlaceholderFilled() {
        for (String locale : new String[] {"en-GB", "pt-PT", "fr-FR", "de-DE"}) {
            for (Kind kind : Kind.values()) {
                if (kind.aboutReservation()) {
                    continue; // a table reservation's, below
                }
                Message email = templates.render(kind, Channel.EMAIL, locale, stay);
                Message sms = templates.render(kind, Channel.SMS, locale, stay);
                assertThat(email.subject()).as(locale + " " + kind).contains("STY-ABC123").doesNotContain("{");
                assertThat(email.body()).as(locale + " " + kind).contains("STY-ABC123").doesNotContain("{")
                        .doesNotContain("}");
                assertThat(sms.subject()).isNull();
                assertThat(sms.body()).as(locale + " " + kind).contains("STY-ABC123").doesNotContain("{")
                        .hasSizeLessThan(160);
            }
        }
    }

    final ReservedTable table = new ReservedTable(UUID.randomUUID(), "RES-7K2M9Q", UUID.randomUUID(),
            UUID.randomUUID(), LocalDate.of(2027, 5, 14), java.time.LocalTime.of(19, 30),
            Instant.parse("2027-05-14T18:30:00Z"), 4, "CONFIRMED", "40.00", "EUR", 2, Instant.now());

    @Test
    void everyReservationKindHasAnEmailWithASubjectAndAnSmsInEveryLanguageWithEveryPlaceholderFilled() {
        for (String locale : new String[] {"en-GB", "pt-PT", "fr-FR", "de-DE"}) {
            for (Kind kind : Kind.values()) {
                if (!kind.aboutReservation()) {
                    continue;
                }
                Message email = templates.render(kind, Channel.EMAIL, locale, table);
                Message sms = templates.render(kind, Channel.SMS, locale, table);
                assertThat(email.subject()).as(locale + " " + kind).contains("RES-7K2M9Q").doesNotContain("{");
                assertThat(email.body()).as(locale + " " + kind).contains("RES-7K2M9Q").contains("19:30")
                        .doesNotContain("{").doesNotContain("}");
                assertThat(sms.subject()).isNull();
                assertThat(sms.body()).as(locale + " " + kind).contains("RES-7K2M9Q").doesNotContain("{")
                        .hasSizeLessThan(160);
            }
        }
        assertThat(templates.render(Kind.RESERVATION_CONFIRMED, Channel.EMAIL, "de-DE", table).body())
                .contains("4 Gäste").contains("40,00");
        assertThat(templates.render(Kind.RESERVATION_PAYMENT_FAILED, Channel.EMAIL, "fr-FR", table).body())
                .contains("L'acompte").contains("n'a pas abouti");
    }

    @Test
    void eachLanguageHasItsOwnWordsAndAnApostropheSurvivesMessageFormat() {
        assertThat(templates.render(Kind.CONFIRMED, Channel.EMAIL, "pt-BR", stay).body()).contains("2 quartos");
        assertThat(templates.render(Kind.CONFIRMED, Channel.EMAIL, "de-DE", stay).body()).contains("2 Zimmer");
        assertThat(templates.render(Kind.PAYMENT_FAILED, Channel.EMAIL, "fr-FR", stay).body())
                .contains("n'a pas abouti");
    }

    @ParameterizedTest
    @CsvSource({"ja-JP", "es-ES", "xx", "''", "not a locale"})
    void aLanguageStayHasNoTemplatesForGetsEnglishNotTheServersLocale(String tag) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(templates.render(Kind.REMINDER, Channel.EMAIL, tag, stay).subject())
                    .isEqualTo("Tomorrow: your stay STY-ABC123");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.345  | KWD | en-GB | KWD12.345",
            "1500    | JPY | en-GB | JP¥1,500",
            "1234.5  | EUR | pt-PT | 1 234,50 €",
            "1234.5  | EUR | de    | 1.234,50 €",
            "99      | CHF | fr-FR | 99,00 CHF"})
    void moneyKeepsItsCurrencysDecimalsAndTheLanguagesWay(BigDecimal amount, String currency, String tag,
            String expected) {
        String written = Templates.money(amount, currency, Locale.forLanguageTag(tag))
                .replace('\u00a0', ' ').replace('\u202f', ' ');
        assertThat(written).isEqualTo(expected);
    }
}
