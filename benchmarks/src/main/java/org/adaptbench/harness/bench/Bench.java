package org.adaptbench.harness.bench;

import java.nio.file.Path;
import java.util.Optional;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.train.PretrainedModel;
import org.adaptbench.finetune.train.Pretraining;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.llm.ChatAnswerModel;
import org.adaptbench.harness.llm.LlmSettings;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.EmbeddedAnswerModel;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.personalization.context.TokenCounter;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
import org.adaptbench.reports.stats.Bootstrap;
import org.adaptbench.reports.stats.TwoWayBootstrap;

/**
 * The services every scenario shares within one run: the configuration, one embedding cache (each
 * distinct text is embedded once per run), the tokenizer, the base model, and the remote LLM if one
 * was asked for. The base model is built on first use, so runs that need none never train it.
 */
public final class Bench implements AutoCloseable {

    /** Enough for a few preferences as JSON. */
    static final int EXTRACTOR_MAX_TOKENS = 400;

    private final RunConfig config;
    private final Progress progress;
    private final CachingEmbedder embedder;
    private final TokenCounter tokens = TokenCounter.cl100k();
    private final Optional<LlmSettings> llm;
    private final Path cacheDir;
    private PretrainedModel base;
    private ChatAnswerModel chat;
    /** Answers for the approaches that need no weights instead of the base model (tests, embedding hosts). */
    private final Optional<AnswerModel> answerOverride;
    private dev.langchain4j.model.chat.ChatModel extractorChat;
    private org.adaptbench.harness.llm.ChatQuestionAnswerer questionAnswerer;

    public Bench(RunConfig config, Embedder embedder, Optional<LlmSettings> llm, Progress progress) {
        this(config, embedder, llm, progress, Optional.empty());
    }

    /**
     * A bench whose approaches that need no weights answer with {@code answerModel} instead of the
     * base model (the approach contract tests use a fake one); adapter approaches still use the base model.
     */
    public Bench(RunConfig config, Embedder embedder, Optional<LlmSettings> llm, Progress progress, Optional<AnswerModel> answerModel) {
        this.answerOverride = answerModel;
        this.config = config;
        this.embedder = embedder instanceof CachingEmbedder caching ? caching : new CachingEmbedder(embedder);
        this.llm = llm;
        this.progress = progress;
        this.cacheDir = config.cacheDir().isBlank() ? Pretraining.defaultCacheDir() : Path.of(config.cacheDir());
    }

    /** A bench over the bundled all-MiniLM-L6-v2 embedding model. */
    public static Bench open(RunConfig config, Optional<LlmSettings> llm, Progress progress) {
        return new Bench(config, LangChain4jEmbedder.allMiniLmL6V2(), llm, progress);
    }

    public RunConfig config() {
        return config;
    }

    public Progress progress() {
        return progress;
    }

    public CachingEmbedder embedder() {
        return embedder;
    }

    public TokenCounter tokens() {
        return tokens;
    }

    public Optional<LlmSettings> llm() {
        return llm;
    }

    /** A bootstrap seeded for {@code purpose}, so each metric's interval is reproducible on its own. */
    public Bootstrap bootstrap(String purpose) {
        return new Bootstrap(Seeds.derive(config.seed(), "bootstrap/" + purpose), config.bootstrap().resamples());
    }

    /** A two-way (users × items) bootstrap seeded for {@code purpose}. */
    public TwoWayBootstrap twoWayBootstrap(String purpose) {
        return new TwoWayBootstrap(Seeds.derive(config.seed(), "bootstrap-users-items/" + purpose), config.bootstrap().resamples());
    }

    /** The metrics of accuracy over {@code queries}' items, seeded for {@code purpose}. */
    public AccuracyMetrics accuracy(String purpose, QueryIndex queries) {
        return new AccuracyMetrics(bootstrap(purpose), twoWayBootstrap(purpose), queries::item);
    }

    /** The pre-trained base model (trained, or loaded from the cache, on first use). */
    public synchronized PretrainedModel pretrained() {
        if (base == null) {
            base = BaseModels.pretrainOrLoad(config, embedder, cacheDir, progress);
        }
        return base;
    }

    public ScoringModel baseModel() {
        return pretrained().model();
    }

    /**
     * The model that answers for the approaches that need no weights: the remote LLM when one was
     * configured, the embedded base model otherwise.
     */
    public synchronized AnswerModel answerModel() {
        if (answerOverride.isPresent()) {
            return answerOverride.get();
        }
        if (llm.isPresent()) {
            if (chat == null) {
                chat = ChatAnswerModel.connect(llm.get());
            }
            return chat;
        }
        return new EmbeddedAnswerModel(baseModel(), embedder);
    }

    /**
     * The remote LLM as the memory layer's preference extractor (memory.extractor=llm): room for a
     * JSON reply, the same endpoint, timeout and retries as the answering model.
     */
    public synchronized dev.langchain4j.model.chat.ChatModel extractorChat() {
        LlmSettings settings = llm.orElseThrow(() -> new IllegalStateException("memory.extractor=llm needs --llm"));
        if (extractorChat == null) {
            extractorChat = settings.chatModel(EXTRACTOR_MAX_TOKENS);
        }
        return extractorChat;
    }

    /** The remote LLM answering free-text questions (LoCoMo's question answering), when one was configured. */
    public synchronized java.util.Optional<org.adaptbench.harness.llm.ChatQuestionAnswerer> questionAnswerer() {
        if (llm.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (questionAnswerer == null) {
            questionAnswerer = org.adaptbench.harness.llm.ChatQuestionAnswerer.connect(llm.get());
        }
        return java.util.Optional.of(questionAnswerer);
    }

    /** Replies of the remote LLM that named no option, when one is used. */
    public long unparsedLlmReplies() {
        return chat == null ? 0 : chat.unparsedReplies();
    }

    @Override
    public synchronized void close() {
        if (base != null) {
            base.model().close();
        }
    }
}
