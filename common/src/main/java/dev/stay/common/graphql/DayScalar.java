package dev.stay.common.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Stay's {@code Date}: an ISO-8601 calendar day from 1900 to 9999, written as that day. The extended scalar alone accepts any year Java
 * does ({@code +999999999-12-31}, {@code 0000-01-01}), which PostgreSQL cannot store and no stay needs, so a day out
 * of that range is refused while the request is read, as invalid input, before any resolver runs.
 */
final class DayScalar {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;
    /** The value itself is not echoed back: it may be huge, or made to look like something else. */
    private static final String INVALID =
            "a Date must be a calendar day from " + FIRST_YEAR + "-01-01 to " + LAST_YEAR + "-12-31 as YYYY-MM-DD";

    private DayScalar() {}

    static GraphQLScalarType date() {
        Coercing<?, ?> iso = ExtendedScalars.Date.getCoercing();
        return GraphQLScalarType.newScalar(ExtendedScalars.Date).coercing(new Coercing<LocalDate, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
                return (String) iso.serialize(value, context, locale);
            }

            @Override
            public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                LocalDate day = (LocalDate) iso.parseValue(input, context, locale);
                if (!valid(input, day)) throw new CoercingParseValueException(INVALID);
                return day;
            }

            @Override
            public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                          Locale locale) {
                LocalDate day = (LocalDate) iso.parseLiteral(input, variables, context, locale);
                if (!valid(input instanceof StringValue text ? text.getValue() : input, day)) {
                    throw new CoercingParseLiteralException(INVALID);
                }
                return day;
            }
        }).build();
    }

    /**
     * In range, and given as that very day: the ISO parser quietly turns {@code 2027-02-30} into the 28th, which
     * would book a night the guest did not ask for.
     */
    static boolean valid(Object given, LocalDate day) {
        boolean exact = !(given instanceof String text) || text.equals(day.toString());
        return exact && day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

}
