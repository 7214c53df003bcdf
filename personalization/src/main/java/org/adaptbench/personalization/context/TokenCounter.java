package org.adaptbench.personalization.context;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Objects;

/**
 * Counts tokens with a real BPE tokenizer (jtokkit). Special-token strings such as
 * {@code <|endoftext|>} count as ordinary text, as a chat API encodes user-supplied text.
 */
public final class TokenCounter {

    private final Encoding encoding;
    private final EncodingType type;

    public TokenCounter(EncodingType type) {
        this.type = Objects.requireNonNull(type, "type");
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
    }

    /** cl100k_base, the encoding of GPT-3.5/GPT-4 class models. */
    public static TokenCounter cl100k() {
        return new TokenCounter(EncodingType.CL100K_BASE);
    }

    /** o200k_base, the encoding of GPT-4o class models. */
    public static TokenCounter o200k() {
        return new TokenCounter(EncodingType.O200K_BASE);
    }

    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    /** Name of the encoding, e.g. "cl100k_base". */
    public String encodingName() {
        return type.getName();
    }
}
