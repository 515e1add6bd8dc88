package dev.stay.users;

import dev.stay.common.test.RouterOnlyContract;
import dev.stay.common.test.SubgraphTest;

/** The users subgraph answers only the router: every spelling of the path, unsigned, is refused. */
@SubgraphTest
class RouterOnlyIT extends RouterOnlyContract {}
