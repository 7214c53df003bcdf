package org.adaptbench.harness.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.harness.usage.UsageException;

/**
 * Where and how to reach a remote chat model; nothing here is ever required for a run.
 *
 * @param provider "openai" or "ollama" (Ollama is reached through its OpenAI-compatible endpoint)
 * @param model the model name
 * @param baseUrl the endpoint root, ending in /v1
 * @param apiKey the key (from OPENAI_API_KEY for openai; Ollama ignores it)
 * @param timeout per-request timeout
 * @param maxRetries retries after a failed request
 */
public record LlmSettings(String provider, String model, String baseUrl, String apiKey, Duration timeout, int maxRetries) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 2;

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        if (maxRetries < 0 || maxRetries > 5) {
            throw new IllegalArgumentException("maxRetries must be 0..5");
        }
    }

    /** Settings from the CLI flags and the environment, with each provider's usual endpoint as default. */
    public static LlmSettings of(String provider, String model, String baseUrl, Map<String, String> environment) {
        String name = provider.toLowerCase(Locale.US);
        if (model == null || model.isBlank()) {
            throw new UsageException("--llm " + provider + " needs --model");
        }
        if (baseUrl != null) {
            endpoint(baseUrl);
        }
        return switch (name) {
            case "openai" -> {
                String key = environment.getOrDefault("OPENAI_API_KEY", "");
                if (key.isBlank() && baseUrl == null) {
                    throw new UsageException("--llm openai needs the OPENAI_API_KEY environment variable");
                }
                yield new LlmSettings(name, model, baseUrl == null ? "https://api.openai.com/v1" : baseUrl,
                        key.isBlank() ? "unused" : key, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
            }
            case "ollama" -> new LlmSettings(name, model, baseUrl == null ? "http://localhost:11434/v1" : baseUrl,
                    "ollama", DEFAULT_TIMEOUT, DEFAULT_RETRIES);
            default -> throw new UsageException("unknown --llm '" + provider + "'; choose openai or ollama");
        };
    }

    /** The endpoint's URI: http or https with a host; anything else is a usage error naming the flag. */
    static URI endpoint(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new UsageException("--base-url " + baseUrl + ": not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.US);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException("--base-url " + baseUrl + ": expected an http:// or https:// URL, such as http://localhost:11434/v1");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UsageException("--base-url " + baseUrl + ": the URL names no host");
        }
        return uri;
    }

    /**
     * Checks that the endpoint's host accepts connections, before a run writes anything: an unreachable
     * endpoint is a usage error naming it, not a failure minutes into the run.
     */
    public void checkReachable(Duration within) {
        URI uri = endpoint(baseUrl);
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) within.toMillis());
        } catch (IOException e) {
            String reason = e instanceof java.net.UnknownHostException ? "unknown host"
                    : e instanceof java.net.SocketTimeoutException ? "no answer within " + within.toSeconds() + " s"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().toLowerCase(Locale.US);
            throw new UsageException("--base-url " + baseUrl + ": cannot reach " + uri.getHost() + ":" + port + " (" + reason + ")");
        }
    }

    /** A langchain4j chat model on this endpoint: temperature 0, bounded timeout and retries. */
    public ChatModel chatModel(int maxTokens) {
        return OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(model)
                .temperature(0.0)
                .maxTokens(maxTokens)
                .timeout(timeout)
                .maxRetries(maxRetries)
                .build();
    }

    /** The settings as they may be written into results (never the key). */
    public Map<String, String> describe() {
        return Map.of("provider", provider, "model", model, "base_url", baseUrl,
                "timeout_s", Long.toString(timeout.toSeconds()), "max_retries", Integer.toString(maxRetries));
    }
}
