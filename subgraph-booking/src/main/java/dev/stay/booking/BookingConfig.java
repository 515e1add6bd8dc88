package dev.stay.booking;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Holds expire, unknown payments are reconciled and old idempotency keys pruned on schedules (reservation/). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BookingConfig {

    /** Booking rules depend on today's date; tests move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
