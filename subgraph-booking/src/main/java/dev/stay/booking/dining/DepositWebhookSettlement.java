package dev.stay.booking.dining;

import dev.stay.booking.payment.ChargeOutcomes;
import dev.stay.booking.payment.PaymentProvider;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The provider's webhook for table reservations' charges, by key: a deposit ({@code reservation-<id>-deposit}) goes
 * through {@link DepositSettlement} as the charge's own answer, the reconciliation and the sweeper do; a change's
 * extra charge ({@code reservation-<id>-change-<n>-charge}) through {@link ReservationChangeSettlement}. It acts only where
 * something is left to do (a held reservation, an open change, a late charge not given back yet): anything else is
 * UNCHANGED, so a duplicate or an event out of order changes nothing twice. Other keys are not its own.
 */
@Component
class DepositWebhookSettlement implements ChargeOutcomes {

    private static final Pattern DEPOSIT = Pattern.compile("reservation-([0-9a-f-]{36})-deposit");
    private static final Pattern CHANGE = Pattern.compile("reservation-([0-9a-f-]{36})-change-([0-9]{1,9})-charge");

    private final Reservations reservations;
    private final DepositSettlement deposits;
    private final ReservationChangeSettlement changes;

    DepositWebhookSettlement(Reservations reservations, DepositSettlement deposits, ReservationChangeSettlement changes) {
        this.reservations = reservations;
        this.deposits = deposits;
        this.changes = changes;
    }

    @Override
    public Applied apply(String key, PaymentProvider.Charge charge, BigDecimal amount, String currency) {
        Matcher deposit = DEPOSIT.matcher(key);
        if (deposit.matches()) {
            return idOf(deposit.group(1), key, DepositSettlement::depositKey)
                    .map(r -> deposit(r, charge, amount, currency)).orElse(Applied.UNKNOWN_PAYMENT);
        }
        Matcher change = CHANGE.matcher(key);
        if (change.matches()) {
            int n = Integer.parseInt(change.group(2));
            return idOf(change.group(1), key, id -> MovingReservation.chargeKey(id, n))
                    .map(r -> change(r, n, charge, amount, currency)).orElse(Applied.UNKNOWN_PAYMENT);
        }
        return Applied.UNKNOWN_PAYMENT;
    }

    private Applied deposit(TableReservation r, PaymentProvider.Charge charge, BigDecimal amount, String currency) {
        boolean succeeded = charge.status() == PaymentProvider.Status.SUCCEEDED;
        boolean held = r.status().equals("HELD");
        boolean releasedUnpaid = succeeded && released(r.status()) && !r.payment().status().equals("REFUNDED");
        if (!held && !releasedUnpaid) {
            return Applied.UNCHANGED;
        }
        if (!currency.equals(r.deposit().currency()) || amount.compareTo(new BigDecimal(r.deposit().amount())) != 0) {
            return Applied.AMOUNT_MISMATCH;
        }
        String now = deposits.apply(r.id(), charge, "PAYMENT_FAILED");
        if (now.equals("CONFIRMED")) {
            return held ? Applied.CONFIRMED : Applied.UNCHANGED;
        }
        if (succeeded) {
            return reservations.find(r.id()).orElseThrow().payment().status().equals("REFUNDED") ? Applied.REFUNDED
                    : Applied.REFUND_NOT_TAKEN;
        }
        return held && released(now) ? Applied.RELEASED : Applied.UNCHANGED;
    }

    /** Only the change still open under this key's number is settled: an older change's key finds nothing open. */
    private Applied change(TableReservation r, int n, PaymentProvider.Charge charge, BigDecimal amount,
                           String currency) {
        Optional<BigDecimal> newDeposit = changes.openExtra(r.id(), n);
        if (newDeposit.isEmpty()) {
            return Applied.UNCHANGED;
        }
        if (!currency.equals(r.deposit().currency()) || amount.compareTo(newDeposit.get().subtract(r.paid())) != 0) {
            return Applied.AMOUNT_MISMATCH;
        }
        return switch (changes.apply(r.id(), charge)) {
            case MOVED -> Applied.CONFIRMED;
            case KEPT -> Applied.RELEASED;
            default -> Applied.UNCHANGED;
        };
    }

    private Optional<TableReservation> idOf(String id, String key, java.util.function.Function<UUID, String> keyOf) {
        try {
            UUID uuid = UUID.fromString(id);
            return keyOf.apply(uuid).equals(key) ? reservations.find(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean released(String status) {
        return status.equals("EXPIRED") || status.equals("PAYMENT_FAILED");
    }
}
