package dev.stay.common.events;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The consuming subgraph's {@code applied_event} table, with jOOQ's dynamic API (common cannot see its classes). */
final class AppliedEventTable {

    static final Table<Record> APPLIED_EVENT = table(name("applied_event"));
    static final Field<String> EVENT_ID = field(name("event_id"), SQLDataType.CLOB);
    static final Field<String> TOPIC = field(name("topic"), SQLDataType.CLOB);
    static final Field<Instant> APPLIED_AT = field(name("applied_at"), SQLDataType.INSTANT);

    private AppliedEventTable() {}
}
