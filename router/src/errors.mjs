// The router's own refusals: GraphQL errors with a stable extensions.code that clients can branch on,
// and the HTTP status (and headers) Yoga should answer with. Yoga strips extensions.http from the body.

import { GraphQLError } from 'graphql';

/**
 * @param {string} code      stable, e.g. UNAUTHENTICATED, MAX_DEPTH_EXCEEDED, RATE_LIMITED
 * @param {string} message   for people; may change
 * @param {number} status    HTTP status of the response
 * @param {Record<string, string>} [headers]  extra response headers, e.g. Retry-After
 */
export function refusal(code, message, status, headers) {
  return new GraphQLError(message, {
    extensions: { code, http: headers ? { status, headers } : { status } },
  });
}

/**
 * A failed subgraph call comes back with extensions.request (the subgraph's internal URL and the body the
 * router sent) and extensions.response. Clients get the message, code and subgraph name, not the network
 * layout behind the router.
 */
export function useRedactedSubgraphErrors() {
  const redact = (error) => {
    if (!(error instanceof GraphQLError) || !(error.extensions?.request || error.extensions?.response)) return error;
    const { request, response, ...extensions } = error.extensions;
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      originalError: error.originalError,
      extensions,
    });
  };
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result?.errors) return; // batches are off; streams carry no errors here
      setResult({ ...result, errors: result.errors.map(redact) });
    },
  };
}
