/**
 * Owners run their hotels: one class per use case ({@link dev.stay.catalog.onboarding.CreatingHotel},
 * {@link dev.stay.catalog.onboarding.EditingHotel}, {@link dev.stay.catalog.onboarding.PublishingHotel},
 * {@link dev.stay.catalog.onboarding.ManagingPhotos}, {@link dev.stay.catalog.onboarding.ManagingRoomTypes}), each
 * stating only what its change does, around the one step every change of a hotel goes through:
 * {@link dev.stay.catalog.onboarding.HotelChange} (lock, authorise, version check, validate, bump, cache, outbox).
 *
 * <p>Transactions, as everywhere in Stay: {@code @Transactional} on the method that is the boundary, here
 * {@code HotelChange}'s {@code create} and {@code apply} only, where the lock is taken; the use cases call them and
 * open none of their own. A broken rule marks the transaction rollback-only, so what the edit staged is undone.
 *
 * <p>Input: every text is checked by {@link dev.stay.catalog.onboarding.Rules} (length, no control characters) and
 * stored stripped through {@link dev.stay.catalog.onboarding.Stored}, photo captions included, on every path.
 */
package dev.stay.catalog.onboarding;
