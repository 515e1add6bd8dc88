package dev.stay.booking;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BookingConfig {

    /** Booking rules depend on today's date; tests move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
