package org.adaptbench.harness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP server that speaks enough of the OpenAI chat-completions protocol for tests.
 *
 * <p>The reply text is computed from the request body, so tests can script a model's behaviour.
 */
final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int failuresToServe;

    FakeOpenAiServer(Function<JsonNode, String> replies) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, replies));
        server.start();
    }

    /** The next {@code count} requests get HTTP 500. */
    void failNext(int count) {
        failuresToServe = count;
    }

    int requestCount() {
        return requests.get();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange, Function<JsonNode, String> replies) throws IOException {
        requests.incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (failuresToServe > 0) {
            failuresToServe--;
            send(exchange, 500, "{\"error\":{\"message\":\"planted failure\",\"type\":\"server_error\"}}");
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 0).put("model", request.path("model").asText());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", replies.apply(request));
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 1).put("total_tokens", 11);
        send(exchange, 200, JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The text of the request's message with the given role. */
    static String message(JsonNode request, String role) {
        for (JsonNode message : request.path("messages")) {
            if (role.equals(message.path("role").asText())) {
                return message.path("content").asText();
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
