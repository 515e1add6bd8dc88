// A cap on the size of a request body, STAY_MAX_BODY_BYTES: past it the router answers 413 with
// extensions.code PAYLOAD_TOO_LARGE and reads no further. Without it, one request could make the router read
// and parse (then hash, validate, sign and forward) as much JSON as the client cares to send.
//
// A declared Content-Length over the cap is refused before a byte of the body is read. A body without one
// (chunked) or a compressed one (the gateway inflates gzip, deflate and br bodies as they are read) is
// counted as it is read, after decompression, so a small gzip bomb is refused as soon as it inflates past the
// cap. GET requests carry their document in the URL, which Node caps with the headers (16 KiB, answered 431).

/** The 413 answer, a GraphQL error response like every other refusal of the router. */
function tooLarge(fetchAPI, maxBytes) {
  const body = {
    errors: [
      {
        message: `The request body is larger than ${maxBytes} bytes`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes },
      },
    ],
  };
  return new fetchAPI.Response(JSON.stringify(body), {
    status: 413,
    // The rest of an oversized body is not read: the connection cannot be reused.
    headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' },
  });
}

/** The whole body, or null as soon as it is larger than maxBytes (the rest is then cancelled unread). */
async function readCapped(stream, maxBytes) {
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** Gateway plugin (GraphQL Yoga hooks). */
export function useRequestSizeLimit({ maxBytes }) {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null && !(/^\d+$/.test(declared.trim()) && Number(declared) <= maxBytes)) {
        endResponse(tooLarge(fetchAPI, maxBytes));
      }
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser || !request.body) return;
      setRequestParser(async (parsed) => {
        const body = await readCapped(parsed.body, maxBytes);
        if (body === null) return tooLarge(fetchAPI, maxBytes);
        return requestParser(new fetchAPI.Request(parsed.url, { method: parsed.method, headers: parsed.headers, body }));
      });
    },
  };
}
