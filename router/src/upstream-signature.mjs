// Signs every request the router sends to a subgraph, so a subgraph can refuse anything that did not
// come through the router (which checked the token, the limits and the partner rules).
//
//   X-Stay-Signature: t=<unix seconds>,v1=<lowercase hex HMAC-SHA256(secret, t + "." + body)>
//
// `body` is the exact request body sent, as UTF-8 bytes. The subgraph recomputes the HMAC over the raw
// body it received, compares in constant time and refuses a missing or wrong signature, or a `t` more
// than 300 s away from its own clock.

import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-stay-signature';

/** The header value for `body` sent at `nowMs`. */
export function signatureFor(secret, body, nowMs = Date.now()) {
  const t = Math.floor(nowMs / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * Gateway plugin. onFetch is the last step before the HTTP call: the body is already serialized (query,
 * variables, representations of _entities calls) and the propagated headers are set. The gateway adds
 * user plugins after its own, so no built-in hook changes the request after this one.
 */
export function useUpstreamSignature({ secret }) {
  return {
    onFetch({ executionRequest, options, setOptions }) {
      // Only subgraph calls: internal fetches (none today) carry no execution request.
      if (!executionRequest) return;
      const body = options.body ?? '';
      if (typeof body !== 'string') {
        // Multipart uploads (FormData) are off; refuse to send anything the subgraph could not verify.
        throw new Error(`subgraph request body is not text (${Object.prototype.toString.call(body)}): cannot sign it`);
      }
      setOptions({
        ...options,
        headers: { ...options.headers, [SIGNATURE_HEADER]: signatureFor(secret, body) },
      });
    },
  };
}
