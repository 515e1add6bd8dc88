package dev.stay.devstack.engines;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messaging provider's idempotency, as real providers keep it: the first accepted request of an
 * {@code Idempotency-Key} sends the message (201); any later one with the same key sends nothing and answers 200 with
 * the same message, marked {@code Idempotent-Replayed: true}. So the request journal tells messages sent (201) from
 * replays (200), and a test counts what a guest received, not what the sender tried. Applied only to the stubs that
 * name it ({@code "transformers": ["response-template", "idempotent-messages"]}).
 */
final class IdempotentMessages implements ResponseTransformerV2 {

    static final String NAME = "idempotent-messages";

    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        String key = serveEvent.getRequest().getHeader("Idempotency-Key");
        if (key == null || response.getStatus() != 201 || sent.add(key)) {
            return response;
        }
        return Response.Builder.like(response).but()
                .status(200)
                .headers(response.getHeaders().plus(new HttpHeader("Idempotent-Replayed", "true")))
                .build();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }
}
