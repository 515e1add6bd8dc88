package dev.stay.booking.dininglife;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules and jobs of a reservation's life after it is made ({@code stay.dining.lifecycle.*}).
 *
 * @param seatEarly how long before its time a party may be seated
 * @param noShowWindow how long after its time a no-show may still be marked
 * @param autoCompleteAfter how long after its end a party still SEATED is completed by the job, deposit refunded
 * @param refundAttempts how many times a completion's refund is sent before it is given up (REFUND_FAILED)
 * @param refundBackoff the pause after the first failed attempt, doubled after each one
 * @param refundBackoffMax the longest pause
 * @param batchSize how many rows a job round takes
 */
@ConfigurationProperties("stay.dining.lifecycle")
record LifecycleProperties(@DefaultValue("PT1H") Duration seatEarly, @DefaultValue("P7D") Duration noShowWindow,
                           @DefaultValue("PT6H") Duration autoCompleteAfter, @DefaultValue("5") int refundAttempts,
                           @DefaultValue("PT1M") Duration refundBackoff, @DefaultValue("PT1H") Duration refundBackoffMax,
                           @DefaultValue("100") int batchSize) {}
