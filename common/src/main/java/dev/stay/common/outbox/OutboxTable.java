package dev.stay.common.outbox;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The {@code outbox} table of whichever subgraph runs this code, described with jOOQ's dynamic API: common cannot
 * see the classes each subgraph generates from its own migrations.
 */
final class OutboxTable {

    static final Table<Record> OUTBOX = table(name("outbox"));
    static final Field<UUID> ID = field(name("id"), SQLDataType.UUID);
    static final Field<Long> SEQ = field(name("seq"), SQLDataType.BIGINT);
    static final Field<String> TOPIC = field(name("topic"), SQLDataType.CLOB);
    static final Field<String> KEY = field(name("key"), SQLDataType.CLOB);
    static final Field<String> TYPE = field(name("type"), SQLDataType.CLOB);
    static final Field<JSONB> PAYLOAD = field(name("payload"), SQLDataType.JSONB);
    static final Field<Instant> OCCURRED_AT = field(name("occurred_at"), SQLDataType.INSTANT);
    static final Field<Instant> PUBLISHED_AT = field(name("published_at"), SQLDataType.INSTANT);
    /** The W3C {@code traceparent} of the request that appended the event; null outside a traced request. */
    static final Field<String> TRACEPARENT = field(name("traceparent"), SQLDataType.CLOB);

    private OutboxTable() {}
}
