package dev.stay.booking.notify;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One template per kind, channel and language, in {@code notify/templates/messages*.properties} (English is the base;
 * Portuguese, French and German have their own), rendered with {@link MessageFormat}. Dates and money are formatted
 * for the guest's locale first (a {@code LocalDate} is not a {@code java.util.Date}; money keeps its currency's own
 * decimals), then passed in as text. A locale Stay has no templates for gets English, never the server's locale.
 *
 * <p>Arguments: {0} reference, {1} check-in, {2} check-out, {3} total, {4} refund, {5} previous check-in,
 * {6} previous check-out, {7} rooms. A table reservation's ({@code reservation-*} keys): {0} reference, {1} day,
 * {2} time (HH:MM, the restaurant's), {3} party size, {4} deposit.
 */
@Component
class Templates {

    static final Set<String> LANGUAGES = Set.of("en", "pt", "fr", "de");
    private static final String BUNDLE = "notify.templates.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The locale messages are written in for a profile's locale tag: its own when Stay speaks its language. */
    static Locale localeOf(String tag) {
        Locale locale = tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
        return LANGUAGES.contains(locale.getLanguage()) ? locale : Locale.ENGLISH;
    }

    Message render(Kind kind, Channel channel, String localeTag, BookedStay stay) {
        Locale locale = localeOf(localeTag);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.of(locale.getLanguage()), NO_FALLBACK);
        Object[] args = {stay.reference(), day(stay.checkIn(), locale), day(stay.checkOut(), locale),
                money(stay.total(), stay.currency(), locale), money(stay.refund(), stay.currency(), locale),
                day(stay.previousCheckIn(), locale), day(stay.previousCheckOut(), locale),
                stay.rooms() == null ? 1 : stay.rooms()};
        String prefix = kind.templateKey() + ".";
        String body = format(bundle.getString(prefix + channel.name().toLowerCase()), locale, args);
        String subject = channel == Channel.EMAIL ? format(bundle.getString(prefix + "subject"), locale, args) : null;
        return new Message(subject, body);
    }

    /** A table reservation's message. */
    Message render(Kind kind, Channel channel, String localeTag, ReservedTable table) {
        Locale locale = localeOf(localeTag);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.of(locale.getLanguage()), NO_FALLBACK);
        Object[] args = {table.reference(), day(table.date(), locale),
                String.format("%02d:%02d", table.time().getHour(), table.time().getMinute()),
                table.partySize() == null ? 1 : table.partySize(),
                table.deposit() == null ? "" : money(new BigDecimal(table.deposit()), table.currency(), locale)};
        String prefix = kind.templateKey() + ".";
        String body = format(bundle.getString(prefix + channel.name().toLowerCase()), locale, args);
        String subject = channel == Channel.EMAIL ? format(bundle.getString(prefix + "subject"), locale, args) : null;
        return new Message(subject, body);
    }

    private static String format(String pattern, Locale locale, Object[] args) {
        return new MessageFormat(pattern, locale).format(args);
    }

    static String day(LocalDate day, Locale locale) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null || currency == null) {
            return "";
        }
        Currency unit = Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? Locale.forLanguageTag(locale.getLanguage() + "-" + defaultCountry(locale.getLanguage())) : locale);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
        return format.format(amount);
    }

    /** A language alone has no currency format conventions (grouping, symbol place): take its main country's. */
    private static String defaultCountry(String language) {
        return switch (language) {
            case "pt" -> "PT";
            case "fr" -> "FR";
            case "de" -> "DE";
            default -> "GB";
        };
    }
}
