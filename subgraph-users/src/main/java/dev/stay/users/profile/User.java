package dev.stay.users.profile;

import java.util.UUID;

/** What anyone may see of a user. */
record User(UUID id, String displayName) {}
