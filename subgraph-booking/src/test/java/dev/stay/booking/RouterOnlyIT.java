package dev.stay.booking;

import dev.stay.common.test.RouterOnlyContract;
import dev.stay.common.test.SubgraphTest;

/** The booking subgraph answers only the router: every spelling of the path, unsigned, is refused. */
@SubgraphTest
class RouterOnlyIT extends RouterOnlyContract {}
