package dev.stay.booking.dining;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Six guests reserve, change and cancel at once over three tables and five times of one evening, paying with cards
 * that succeed, are declined, time out or meet a 5xx. Each seed fixes what every guest asks (the interleaving is the
 * machine's). Once the history has settled (reconciliation, change settlement, sweeper and refund retries run by
 * hand, the provider's lookups answering from its own journal), no table is held twice at once, and every deposit the
 * provider charged and every refund it gave are the reservations' own, with their cause.
 */
@SubgraphTest
class ReservationHistoryIT {

    static final int GUESTS = 6;
    static final int OPERATIONS = 15;
    static final String[] TIMES = {"19:00", "19:30", "20:00", "20:30", "21:00"};
    static final String[] CARDS = {"tok_ok", "tok_ok", "tok_ok", "tok_ok", "tok_decline", "tok_5xx", "tok_timeout"};
    static final Pattern KEY = Pattern.compile(
            "reservation-([0-9a-f-]{36})-(deposit|deposit-refund|cancel-refund|change-(\\d+)-(charge|refund))");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired DepositReconciliation reconciliation;
    @Autowired ReservationChangeSettlement changes;
    @Autowired ReservationHoldSweeper sweeper;
    @Autowired ReservationRefunds refunds;

    @BeforeEach
    void patientClient() {
        graphQl = graphQl.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261130L, 7L})
    void aConcurrentHistoryLeavesNoTableTwiceAndEveryCoinWithItsCause(long seed) throws Exception {
        System.out.println("ReservationHistoryIT seed " + seed);
        Date started = new Date();
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2, 2, 4);
        LocalDate day = LocalDate.now().plusDays(20);
        Reserving reserving = new Reserving(graphQl, db);

        ExecutorService threads = Executors.newFixedThreadPool(GUESTS);
        List<Future<?>> guests = new ArrayList<>();
        for (int g = 0; g < GUESTS; g++) {
            Random random = new Random(seed * 31 + g);
            UUID guest = new UUID(seed, g);
            guests.add(threads.submit(() -> {
                List<UUID> mine = new ArrayList<>();
                for (int op = 0; op < OPERATIONS; op++) {
                    int what = random.nextInt(10);
                    String key = "k-" + op + "-" + random.nextInt(3); // some keys come back: replays and reuse
                    if (what < 5 || mine.isEmpty()) {
                        int party = 1 + random.nextInt(4);
                        var response = reserving.reserve(guest, key, Reserving.input(restaurant.restaurant(), day,
                                TIMES[random.nextInt(TIMES.length)], party, (10 * party) + ".00",
                                CARDS[random.nextInt(CARDS.length)]));
                        Map<?, ?> answer = response.path("reserveTable").entity(Map.class).get();
                        if (answer.get("reservation") instanceof Map<?, ?> reservation) {
                            mine.add(UUID.fromString((String) reservation.get("id")));
                        }
                    } else if (what < 7) {
                        reserving.cancel(guest, "guest", mine.get(random.nextInt(mine.size())), key);
                    } else {
                        Map<String, Object> input = new HashMap<>();
                        if (random.nextBoolean()) {
                            input.put("time", TIMES[random.nextInt(TIMES.length)]);
                        } else {
                            int party = 1 + random.nextInt(4);
                            input.put("partySize", party);
                            input.put("quotedDeposit", Map.of("amount", (10 * party) + ".00", "currency", "EUR"));
                            input.put("paymentToken", CARDS[random.nextInt(CARDS.length)]);
                        }
                        reserving.change(guest, mine.get(random.nextInt(mine.size())), input, key);
                    }
                }
                return null;
            }));
        }
        for (Future<?> guest : guests) {
            guest.get();
        }
        threads.shutdown();

        // no need to wait for tok_timeout's late answers: the stub journals a request with its rendered answer
        // before it delays sending it, and every call to the provider was made by a request that has returned
        Map<String, String> charged = settle(restaurant, started);

        List<TableReservationRecord> all = db.selectFrom(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant())).fetch();
        assertThat(all).as("reservations made").isNotEmpty();
        assertThat(all).noneMatch(r -> r.getStatus().equals("HELD")).noneMatch(r -> r.getChangeOf() != null);
        List<TableReservationRecord> holding = all.stream()
                .filter(r -> DiningRoom.HOLDING.contains(r.getStatus())).toList();
        for (TableReservationRecord a : holding) {
            for (TableReservationRecord b : holding) {
                if (a != b && a.getTableId().equals(b.getTableId())) {
                    assertThat(a.getEndsAt().isAfter(b.getStartsAt()) && b.getEndsAt().isAfter(a.getStartsAt()))
                            .as("%s and %s hold table %s at once", a.getReference(), b.getReference(), a.getTableId())
                            .isFalse();
                }
            }
        }
        Map<UUID, TableReservationRecord> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.getId(), r));
        Map<UUID, BigDecimal> chargedAtProvider = new HashMap<>();
        Map<UUID, BigDecimal> refundedByProvider = new HashMap<>();
        for (var entry : journal(started).entrySet()) {
            Matcher key = KEY.matcher(entry.getKey());
            if (!key.matches()) {
                continue;
            }
            UUID id = UUID.fromString(key.group(1));
            TableReservationRecord r = byId.get(id);
            if (r == null) {
                continue; // another test's reservation
            }
            Sent sent = entry.getValue();
            if (!sent.succeeded()) {
                continue;
            }
            if (sent.refund()) {
                switch (key.group(2)) {
                    case "cancel-refund" -> assertThat(r.getStatus()).as("cause of " + entry.getKey())
                            .isEqualTo("CANCELLED");
                    case "deposit-refund" -> assertThat(r.getStatus()).as("cause of " + entry.getKey())
                            .isIn("EXPIRED", "PAYMENT_FAILED");
                    default -> assertThat(r.getChanges()).as("cause of " + entry.getKey())
                            .isGreaterThanOrEqualTo(Integer.parseInt(key.group(3)));
                }
                refundedByProvider.merge(id, sent.amount(), BigDecimal::add);
            } else {
                chargedAtProvider.merge(id, sent.amount(), BigDecimal::add);
            }
        }
        for (TableReservationRecord r : all) {
            BigDecimal charges = chargedAtProvider.getOrDefault(r.getId(), BigDecimal.ZERO);
            BigDecimal given = refundedByProvider.getOrDefault(r.getId(), BigDecimal.ZERO);
            assertThat(nz(r.getCharged())).as("charged of " + r.getReference()).isEqualByComparingTo(charges);
            assertThat(nz(r.getRefunded())).as("refunded of " + r.getReference()).isEqualByComparingTo(given);
            BigDecimal kept = charges.subtract(given);
            switch (r.getStatus()) {
                case "CONFIRMED" -> assertThat(kept).as("paid for " + r.getReference())
                        .isEqualByComparingTo(r.getDeposit());
                case "EXPIRED", "PAYMENT_FAILED" -> assertThat(kept).as("kept of " + r.getReference())
                        .isEqualByComparingTo(BigDecimal.ZERO);
                default -> assertThat(kept).as("kept of " + r.getReference()).isBetween(BigDecimal.ZERO,
                        r.getDeposit());
            }
            assertThat(r.getRefundDue()).as("refund owed of " + r.getReference()).isNull();
        }
        assertThat(charged).as("charges the provider holds").isNotEmpty();
    }

    /** Settles what is left: the provider's lookups answer from its own journal; then every settling job runs. */
    private Map<String, String> settle(DiningFixtures restaurant, Date started) {
        Map<String, String> charged = new HashMap<>();
        journal(started).forEach((key, sent) -> {
            if (sent.succeeded() && !sent.refund() && KEY.matcher(key).matches()) {
                charged.put(key, sent.chargeId());
                ReserveTableIT.provider().stubFor(get(urlPathEqualTo("/v1/charges"))
                        .withQueryParam("idempotencyKey", equalTo(key)).atPriority(1)
                        .willReturn(okJson("{\"id\":\"" + sent.chargeId() + "\",\"status\":\"succeeded\"}")));
            }
        });
        db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.UPDATED_AT, OffsetDateTime.now().minusHours(1))
                .set(TABLE_RESERVATION.HOLD_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .set(TABLE_RESERVATION.REFUND_NEXT_AT, (OffsetDateTime) null)
                .where(TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant()))
                .and(TABLE_RESERVATION.STATUS.eq("HELD").or(TABLE_RESERVATION.REFUND_DUE.isNotNull()))
                .execute();
        reconciliation.reconcile();
        changes.reconcile();
        sweeper.sweep();
        refunds.retry();
        return charged;
    }

    record Sent(boolean refund, boolean succeeded, BigDecimal amount, String chargeId) {}

    /** What was sent to the provider under each key since the history began, and what it answered (first answer). */
    private static Map<String, Sent> journal(Date started) {
        Map<String, Sent> sent = new HashMap<>();
        for (ServeEvent event : ReserveTableIT.provider().getAllServeEvents()) {
            var request = event.getRequest();
            if (request.getLoggedDate().before(started) || !request.getMethod().getName().equals("POST")
                    || !request.containsHeader("Idempotency-Key")) {
                continue;
            }
            String key = request.getHeader("Idempotency-Key");
            JsonNode body = JSON.readTree(request.getBodyAsString());
            var response = event.getResponse();
            boolean ok = response != null && response.getStatus() == 201;
            JsonNode answer = ok ? JSON.readTree(response.getBodyAsString()) : JSON.readTree("{}");
            boolean refund = request.getUrl().startsWith("/v1/refunds");
            boolean succeeded = ok && (refund || answer.path("status").asString("").equals("succeeded"));
            Sent s = new Sent(refund, succeeded, new BigDecimal(body.path("amount").asString("0")),
                    answer.path("id").asString(""));
            // the provider acts once per key: what it did the first time it succeeded is what it holds
            sent.merge(key, s, (a, b) -> a.succeeded() ? a : b);
        }
        return sent;
    }

    private static BigDecimal nz(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
