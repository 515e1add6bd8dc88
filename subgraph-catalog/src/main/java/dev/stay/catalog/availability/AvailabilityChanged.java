package dev.stay.catalog.availability;

import java.time.LocalDate;
import java.util.UUID;

/** Published as a Spring application event after the projection committed a change of a property's nights. */
public record AvailabilityChanged(UUID propertyId, LocalDate from, LocalDate to) {}
