package org.adaptbench.personalization.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * General English grammar the sentence-intent model reads beside a sentence's embedding: closed word
 * classes and sentence shapes (a question, the first person, a preference or wish verb, negation, a
 * memory verb such as "forget" or "delete", a change-of-mind marker such as "instead", a standing or
 * a one-off time, a reaction to the answer just given). None is a phrase of any data set; each is a
 * feature whose weight the model learns from {@code intent-examples.tsv}, not a rule on its own.
 */
final class GrammarCues {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Verbs that act on what is remembered ("forget", "delete", "stop storing", "don't keep"). */
    private static final String MEMORY_VERBS = "\\b(?:forget\\w*|delete\\w*|remov\\w+|eras\\w+|disregard\\w*|ignor\\w+|drop|discard\\w*|scrap\\w*"
            + "|wipe\\w*|clear|purge\\w*|withdraw\\w*|unlearn\\w*|undo|cancel\\w*|strike|retract\\w*|never\\s*mind|take\\s+back|get\\s+rid(?:\\s+of)?"
            + "|throw\\s+out|let\\s+go(?:\\s+of)?|(?:stop|quit)\\s+(?:remembering|storing|keeping(?:\\s+track\\s+of)?|tracking|using|saving|holding(?:\\s+on\\s+to)?)"
            + "|(?:don't|do\\s+not|no\\s+need\\s+to|don't\\s+need\\s+to)\\s+(?:remember|keep(?:\\s+track\\s+of)?|store|save|hold(?:\\s+on\\s+to)?|track))\\b";

    /** The features, in the order {@link #features} returns them. */
    enum Cue {
        QUESTION("^(?:(?:so|and|also|ok(?:ay)?|hey|well|please)[,\\s]+)*(?:do|does|did|can|could|would|will|is|are|was|were|should|shall|have|has"
                + "|what|how|why|where|when|who|which)\\b"),
        FIRST_PERSON("\\b(?:i|i'm|i'd|i've|i'll|me|my|mine|myself)\\b"),
        PREFERENCE_WORD("\\b(?:prefer\\w*|like|likes|love|loves|enjoy\\w*|hate|hates|dislike\\w*|detest|loathe|adore|fancy|favou?rite\\w*|rather"
                + "|fan|fond|keen|partial|stand|taste|style|go-to|into|appreciate|value)\\b"),
        WANT_WORD("\\b(?:want|wants|need|needs|wish|hope|expect|after|looking\\s+for|would\\s+like|'d\\s+like|i'd\\s+love|ideally)\\b"),
        NEGATION("\\b(?:not|no|never|nothing|none|nobody|without)\\b|n't\\b"),
        MEMORY_VERB(MEMORY_VERBS),
        MEMORY_REFERENCE("\\bwhat\\s+(?:i|you)\\s+(?:said|told|mentioned|asked|wrote|know|have|stored|saved|noted|remember|learned|keep|got)\\b"
                + "|\\b(?:note|record|comment|remark|request|preference|statement|mention|bit|part|detail|entry|memory|memories|file|notes)s?\\b"
                + "|\\b(?:earlier|previous|before|about\\s+me|on\\s+file)\\b"),
        REVISION("\\b(?:actually|changed\\s+my\\s+mind|change\\s+of\\s+heart|no\\s+longer|any\\s?more|these\\s+days|nowadays|instead|switch\\w*"
                + "|used\\s+to|second\\s+thoughts?|now|lately|rethink\\w*|different\\w*|gone\\s+off|shifted|changed|anymore|from\\s+today)\\b"),
        STANDING("\\b(?:always|never|every\\s+time|each\\s+time|whenever|from\\s+now\\s+on|from\\s+here\\s+on|going\\s+forward|in\\s+general|generally"
                + "|usually|typically|normally|as\\s+a\\s+rule|by\\s+default|any\\s+time|in\\s+(?:the\\s+)?future|ever|all\\s+the\\s+time|every|when(?:ever)?\\s+you)\\b"),
        ONE_OFF("\\b(?:this|these|those|today|tonight|tomorrow|yesterday|right\\s+now|this\\s+(?:weekend|week|month)|next\\s+(?:week|month|year)"
                + "|last\\s+(?:night|week|month|year)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|at\\s+\\d|one\\s+day)\\b"),
        IMPERATIVE("^(?:(?:please|just|kindly|ok(?:ay)?|so|and|also|well|hey|now)[,\\s]+)*(?:give|keep|make|use|write|send|show|tell|book|find|stick|go|put"
                + "|talk|speak|explain|avoid|skip|cut|drop|stop|try|let's|let|pick|choose|suggest|recommend|include|add|leave|be|say|answer|reply"
                + "|respond|format|list|break|lay|walk|switch|change|move|default|don't|do|never|always|only|no|less|more|ask|order|play|set|read"
                + "|remind|help|check|convert|summari[sz]e|translate|cancel|clear|delete|remove|forget|erase|wipe|scrap|disregard|ignore)\\b"),
        REACTION("\\b(?:that|this|it|your\\s+(?:answer|reply|response|suggestion|explanation))(?:'s|\\s+(?:was|is|felt|feels|seemed|seems|sounded"
                + "|sounds|looked|looks|reads|read|came|missed|didn't|doesn't|wasn't|isn't|went|got))\\b|\\btoo\\s+\\w+|\\benough\\b|\\bagain\\b"
                + "|\\bredo\\b|\\bnext\\s+time\\b|\\bthis\\s+time\\b|^(?:nope|nah|meh|ugh|hmm+|sorry|not\\s+quite|not\\s+really)\\b"
                + "|\\byou\\s+(?:lost|skipped|missed|went|forgot|left|gave)\\b|\\bi\\s+(?:wanted|needed|meant|was\\s+(?:after|hoping|looking|expecting))\\b"
                + "|\\bi(?:'d|\\s+would)\\s+have\\s+(?:liked|preferred)\\b|\\bover\\s+my\\s+head\\b|\\bthan\\s+i\\s+(?:need|needed|wanted)\\b"),
        THANKS("^(?:thanks|thank\\s+you|great|perfect|ok(?:ay)?|sure|cool|nice|lovely|good\\s+(?:morning|night|evening)|hello|hi)\\b"),
        NARRATIVE("\\bi\\s+(?:went|had|bought|watched|saw|got|lost|forgot|just|finished|met|visited)\\b|\\b(?:yesterday|last\\s+night|last\\s+week)\\b"),
        PLEASE("\\bplease\\b"),
        COMPARATIVE("\\b(?:than|over|instead\\s+of|rather|better|worse|best|most|more|less)\\b");

        private final Pattern pattern;
        /** The same regex without case folding, for a sentence {@link #asciiLowerCase} lower-cased. */
        private final Pattern lowerCasePattern;

        Cue(String regex) {
            if (!regex.equals(regex.toLowerCase(Locale.ROOT))) {
                // an upper-case letter (a literal, or an escape such as \S) would not mean the same on lower-cased text
                throw new IllegalArgumentException("a cue's regex must be lower case: " + regex);
            }
            this.pattern = Pattern.compile(regex, FLAGS);
            this.lowerCasePattern = Pattern.compile(regex);
        }

        /** The cue's regex, matched with Unicode case folding. */
        String regex() {
            return pattern.pattern();
        }

        boolean in(String sentence) {
            return in(sentence, asciiLowerCase(sentence));
        }

        /** {@code lowerCase} is {@link #asciiLowerCase} of {@code sentence}, so that several cues lower-case it once. */
        private boolean in(String sentence, String lowerCase) {
            return lowerCase != null ? lowerCasePattern.matcher(lowerCase).find() : pattern.matcher(sentence).find();
        }
    }

    /**
     * {@code sentence} with A-Z lower-cased when it is all ASCII, else null. On ASCII text a lower-case
     * regex matched case-sensitively finds exactly what it finds with Unicode case folding on the
     * original (only A-Z fold, and the word classes and boundaries do not depend on case), without
     * the folding matcher's case-mapping of every character it compares; the grammar cues run on
     * every sentence the memory reads. Other text keeps the folding matcher.
     */
    private static String asciiLowerCase(String sentence) {
        for (int i = 0; i < sentence.length(); i++) {
            if (sentence.charAt(i) >= 0x80) {
                return null;
            }
        }
        return sentence.toLowerCase(Locale.ROOT);
    }

    /** A short sentence has few words ("Tables, please."): an elliptical wish or a curt reaction. */
    static final int SHORT_WORDS = 4;

    /** Number of features {@link #features} returns: one per cue, a short-sentence flag and a question mark. */
    static final int COUNT = Cue.values().length + 2;

    private static final List<Cue> CUES = List.of(Cue.values());
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    /**
     * What a forget request names, once its memory verb and the words that point at the memory are gone
     * ("Please forget that I like jazz" names "I like jazz"); empty when only a pronoun is left ("Forget that").
     */
    private static final Pattern FORGET_LEAD = Pattern.compile("^.*?" + MEMORY_VERBS + "\\s*", FLAGS);
    private static final Pattern POINTERS = Pattern.compile("^(?:(?:about|of|the\\s+fact|that|what\\s+(?:i|you)\\s+\\w+(?:\\s+(?:about|on|me))?|everything"
            + "|all|any|my|the|your|from|on|for|regarding|earlier|previous|old|last|saved|stored|noted|(?:note|record|comment|remark|request|preference"
            + "|statement|mention|bit|part|detail|entry|memory|notes|take|view|opinion|choice|pick)s?|where|saying|said|i\\s+said|i\\s+told\\s+you"
            + "|you\\s+(?:know|have|saved|stored|noted|remember)|me|myself|about\\s+me|you|it|this|them|those|these|please|just|ever"
            + "|mentioned|(?:liking|wanting|asking|preferring|loving)(?:\\s+for)?)\\b[\\s,:;]*)+", FLAGS);
    private static final Pattern TRAILING = Pattern.compile("(?:[\\s,;:]+(?:please|from\\s+(?:your|the)\\s+\\w+|on\\s+file|any\\s?more|for\\s+me"
            + "|about\\s+me|from\\s+now\\s+on|too|now|it|that))*[\\s.!?,;:]*$", FLAGS);
    private static final Pattern BARE = Pattern.compile("^(?:it|that|this|them|those|these|everything|all|one)?$", FLAGS);

    private GrammarCues() {
    }

    /** The sentence's grammar as 0/1 features: one per {@link Cue}, then "short", then "ends with a question mark". */
    static double[] features(String sentence) {
        double[] features = new double[COUNT];
        String lowerCase = asciiLowerCase(sentence);
        for (int i = 0; i < CUES.size(); i++) {
            features[i] = CUES.get(i).in(sentence, lowerCase) ? 1 : 0;
        }
        features[CUES.size()] = words(sentence) <= SHORT_WORDS ? 1 : 0;
        features[CUES.size() + 1] = sentence.strip().endsWith("?") ? 1 : 0;
        return features;
    }

    static boolean has(Cue cue, String sentence) {
        return cue.in(sentence);
    }

    /** True when the sentence signals a change of mind ("actually", "no longer", "instead", "these days"). */
    static boolean isRevision(String sentence) {
        return Cue.REVISION.in(sentence);
    }

    /** True when the sentence is emphatic ("really", "always", "can't stand"): a firmer preference. */
    static boolean isEmphatic(String sentence) {
        return EMPHASIS.matcher(sentence).find();
    }

    private static final Pattern EMPHASIS = Pattern.compile(
            "\\b(?:really|strongly|definitely|absolutely|always|never|can't\\s+stand|cannot\\s+stand|hate|love|allergic|every\\s+time)\\b", FLAGS);

    /**
     * What a forget request names: the sentence after its memory verb, without the words that point
     * at the memory ("what I said about", "the note saying", "my liking for"); "" for a bare "forget
     * that" or when the sentence has no memory verb.
     */
    static String forgetTarget(String sentence) {
        Matcher lead = FORGET_LEAD.matcher(sentence);
        if (!lead.find()) {
            return "";
        }
        String rest = sentence.substring(lead.end());
        rest = POINTERS.matcher(rest).replaceFirst("");
        rest = TRAILING.matcher(rest).replaceFirst("").strip();
        return BARE.matcher(rest).matches() ? "" : rest;
    }

    static int words(String sentence) {
        Matcher matcher = WORD.matcher(sentence);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
