/**
 * Owners run their hotels: one class per use case ({@link dev.stay.catalog.onboarding.CreatingHotel},
 * {@link dev.stay.catalog.onboarding.EditingHotel}, {@link dev.stay.catalog.onboarding.PublishingHotel},
 * {@link dev.stay.catalog.onboarding.ManagingPhotos}, {@link dev.stay.catalog.onboarding.ManagingRoomTypes}), each
 * stating only what its change does, around the one step every change of a hotel goes through:
 * {@link dev.stay.catalog.onboarding.HotelChange} (lock, authorise, version check, validate, bump, cache, outbox).
 *
 * <p>Transactions: the catalog writes through {@link org.springframework.transaction.support.TransactionTemplate}
 * only, inside {@code HotelChange}, never {@code @Transactional}: the boundary is visible where the lock is taken,
 * and the use cases cannot open a second one by accident.
 *
 * <p>Input: every text is checked by {@link dev.stay.catalog.onboarding.Rules} (length, no control characters) and
 * stored stripped through {@link dev.stay.catalog.onboarding.Stored}, photo captions included, on every path.
 */
package dev.stay.catalog.onboarding;
