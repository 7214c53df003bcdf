package org.adaptbench.harness.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
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
