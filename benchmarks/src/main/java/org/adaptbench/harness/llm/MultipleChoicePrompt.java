package org.adaptbench.harness.llm;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a multiple-choice question for a chat model and reads the letter it answers with. */
public final class MultipleChoicePrompt {

    static final String SYSTEM = "You are a helpful assistant that knows this user. "
            + "Answer the user's multiple-choice question with the single letter of the option that suits them best.";

    /** Patterns tried in order: a reply that starts with the letter, "answer is X", "X)", then any lone capital. */
    private static final List<Pattern> ANSWER_PATTERNS = List.of(
            Pattern.compile("^\\W*([A-Z])(?:[^A-Za-z]|$)"),
            Pattern.compile("(?i:answer)\\W*(?:is\\W*)?([A-Z])(?![A-Za-z])"),
            Pattern.compile("(?<![A-Za-z])([A-Z])\\)"),
            Pattern.compile("(?<![A-Za-z])([A-Z])(?![A-Za-z])"));

    private MultipleChoicePrompt() {
    }

    /** The system message: instructions, then the approach's context section (already fenced as data). */
    public static String system(String contextSection) {
        return contextSection.isBlank() ? SYSTEM : SYSTEM + "\n\n" + contextSection;
    }

    public static String user(String question, List<String> options) {
        StringBuilder text = new StringBuilder("Question: ").append(question).append('\n');
        for (int i = 0; i < options.size(); i++) {
            text.append(letter(i)).append(") ").append(options.get(i)).append('\n');
        }
        return text.append("Reply with one letter only.").toString();
    }

    /** The option index the reply names, if it names exactly a valid letter. */
    public static Optional<Integer> parse(String reply, int optionCount) {
        String text = reply.strip();
        for (Pattern pattern : ANSWER_PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                int index = matcher.group(1).charAt(0) - 'A';
                if (index < optionCount && !isPronounI(text, matcher.start(1), index)) {
                    return Optional.of(index);
                }
            }
        }
        return Optional.empty();
    }

    /** "I" followed by a space and a word is the pronoun, not option I. */
    private static boolean isPronounI(String text, int position, int index) {
        return index == 'I' - 'A' && position + 2 < text.length() && text.charAt(position + 1) == ' '
                && Character.isLetter(text.charAt(position + 2));
    }

    static char letter(int index) {
        return (char) ('A' + index);
    }
}
