package org.adaptbench.datasets.prefeval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adaptbench.datasets.io.JsonFields;
import org.adaptbench.datasets.io.JsonInput;
import org.adaptbench.datasets.model.Role;

/**
 * PrefEval's unrelated "inter turns", flattened into one cyclic sequence of messages. A request for
 * n messages starts at a randomly chosen conversation start and wraps around, so any n can be served.
 */
final class FillerPool {

    record Message(Role role, String text) {
    }

    private final List<Message> messages;
    private final List<Integer> conversationStarts;
    private final String sha256;

    private FillerPool(List<Message> messages, List<Integer> conversationStarts, String sha256) {
        this.messages = List.copyOf(messages);
        this.conversationStarts = List.copyOf(conversationStarts);
        this.sha256 = sha256;
    }

    static FillerPool read(Path file) {
        JsonInput.Document document = JsonInput.readDocument(file);
        JsonNode root = document.root();
        if (!root.isArray()) {
            throw new JsonFields(file, "").error("", "expected a JSON array of conversations");
        }
        List<Message> messages = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonFields fields = new JsonFields(file, "item " + i);
            JsonNode item = root.get(i);
            if (!item.isObject()) {
                throw fields.error("", "expected an object");
            }
            JsonNode conversation = item.get("conversation");
            if (conversation == null || !conversation.isArray()) {
                throw fields.error("conversation", conversation == null ? "is missing" : "expected an array of messages");
            }
            if (conversation.size() > 0) {
                starts.add(messages.size());
            }
            for (int m = 0; m < conversation.size(); m++) {
                String prefix = "conversation[" + m + "]";
                JsonNode message = conversation.get(m);
                if (!message.isObject()) {
                    throw fields.error(prefix, "expected an object with role and content");
                }
                JsonFields messageFields = fields.nested(prefix);
                String roleText = messageFields.requireText(message, "role");
                Role role = Role.parse(roleText)
                        .orElseThrow(() -> messageFields.error("role", "unknown role '" + roleText + "' (expected user or assistant)"));
                messages.add(new Message(role, messageFields.requireText(message, "content")));
            }
        }
        if (messages.isEmpty()) {
            throw new JsonFields(file, "").error("", "holds no filler messages");
        }
        return new FillerPool(messages, starts, document.sha256());
    }

    String sha256() {
        return sha256;
    }

    /** {@code count} consecutive messages from a conversation start chosen by {@code random}. */
    List<Message> take(int count, SplittableRandom random) {
        int start = conversationStarts.get(random.nextInt(conversationStarts.size()));
        List<Message> taken = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            taken.add(messages.get((start + k) % messages.size()));
        }
        return taken;
    }
}
