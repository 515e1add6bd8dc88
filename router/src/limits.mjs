// Size limits on the documents clients send, checked before anything reaches a subgraph.
// GraphQL Armor's plugins (the ones Hive Gateway's maxTokens and maxDepth settings use, plus max-aliases)
// are used directly so each refusal carries its own extensions.code; the gateway settings only take a number.

import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { refusal } from './errors.mjs';

/**
 * Armor's onReject callback, with armor's own throw turned off: the refusal is reported as a validation
 * error with a code, or thrown from the parser (max-tokens counts while parsing and has no validation context).
 */
function refuseWith(code) {
  return {
    propagateOnRejection: false,
    onReject: [
      (validationContext, error) => {
        const typed = refusal(code, error.message.replace(/^Syntax Error: /, ''), 400);
        if (!validationContext) throw typed;
        validationContext.reportError(typed);
      },
    ],
  };
}

/** @param {{ maxDepth: number, maxTokens: number, maxAliases: number }} limits */
export function limitPlugins({ maxDepth, maxTokens, maxAliases }) {
  return [
    // Tokens first: it stops an oversized document while parsing, before any other work is spent on it.
    maxTokensPlugin({ n: maxTokens, ...refuseWith('MAX_TOKENS_EXCEEDED') }),
    // Depth counts fragment spreads as a level; GraphiQL's introspection query (local profile) is exempt.
    maxDepthPlugin({ n: maxDepth, ...refuseWith('MAX_DEPTH_EXCEEDED') }),
    // Aliases are how one request asks for the same expensive field many times; __typename does not count.
    maxAliasesPlugin({ n: maxAliases, ...refuseWith('MAX_ALIASES_EXCEEDED') }),
  ];
}
