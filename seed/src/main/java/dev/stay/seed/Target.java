package dev.stay.seed;

import dev.stay.seed.world.DemoWorld;
import java.util.List;
import org.jooq.Table;

/**
 * One database the demo world goes into. Each writes its own part of every batch of blocks in one transaction, in
 * block order, so what an earlier run left in it is always a whole number of batches from the start: {@link #holds}
 * of a batch's last hotel or owner says whether that batch is there.
 */
interface Target {

    String name();

    /** Whether hotel {@code hotel} (or, for users, owner {@code owner}) is there already. */
    boolean holds(int hotel, int owner);

    /** Writes the blocks' rows in one transaction; returns how many rows it wrote. */
    long write(List<DemoWorld.Block> blocks);

    /** The tables it writes, to analyse once loaded. */
    List<Table<?>> tables();
}
