package dev.stay.catalog.onboarding;

import dev.stay.codegen.catalog.types.CatalogErrorCode;

/** One reason an owner's change was refused: the field at fault (as named in the input) and a code. */
record CatalogError(String field, CatalogErrorCode code, String message) {}
