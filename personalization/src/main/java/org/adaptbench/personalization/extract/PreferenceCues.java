package org.adaptbench.personalization.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentence patterns of the offline extractor, written from ordinary English usage: how people
 * state a lasting preference, ask to be forgotten, change their mind, or react to an answer.
 * Each pattern works on one sentence; {@link PatternPreferenceExtractor} decides what they add up to.
 */
final class PreferenceCues {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String ADVERBS = "(?:(?:really|truly|strongly|generally|usually|always|definitely|much|actually|now|still|also|just"
            + "|honestly|mostly|totally|absolutely|kind of|sort of|very much|much rather|tend to|these days|normally|typically|only|personally"
            + "|increasingly|by far|genuinely|certainly|rather|more|less|a lot more|much more|far more)\\s+)*";

    /** Discourse openers that do not change what the rest of the sentence does ("By the way, ..."). */
    private static final Pattern OPENERS = Pattern.compile("^(?:(?:ok(?:ay)?|so|also|and|oh|well|hey|hmm|honestly|frankly|actually|by the way|btw|fyi|just so you know"
            + "|for the record|for future reference|in (?:the )?future|from now on|going forward|next time|one more thing|as a rule|in general"
            + "|note that|remember that|keep in mind(?: that)?|bear in mind(?: that)?|please note(?: that)?|change of plans?|on second thoughts?"
            + "|correction|update|for what it's worth|personally|ideally|when you (?:answer|reply|respond|write|explain)(?: (?:me|things|stuff))?"
            + "|in (?:your|the) (?:answers|replies|responses))[,:;\\s]+)*", FLAGS);

    /** A first-person predicate that states a preference whatever follows ("I prefer", "I can't stand"). */
    private static final Pattern STATEMENT = Pattern.compile(String.join("|",
            "\\bi\\s+" + ADVERBS + "(?:prefer|like|love|enjoy|adore|hate|dislike|detest|loathe|avoid|favou?r|fancy|despise|relish|dread)s?\\b",
            "\\bi\\s+" + ADVERBS + "(?:can't|cannot|can not|don't|do not|never|won't|will not)\\s+" + ADVERBS
                    + "(?:stand|like|eat|drink|enjoy|bear|tolerate|want|use|do|fly|watch|listen|read|wear|care for)\\b",
            "\\bi(?:'m|\\s+am)\\s+" + ADVERBS + "(?:a\\s+|an\\s+)?(?:vegetarian|vegan|pescatarian|allergic|lactose|gluten|into|a fan of"
                    + "|not a fan|not into|fond of|partial to|more of an?|big fan|huge fan|keen on|not keen|crazy about|obsessed with"
                    + "|(?:happiest|happy|most comfortable|at home|best served) (?:with|when)"
                    + "|(?:complete |total |absolute |real )?(?:beginner|novice|newbie|newcomer|layman|layperson|specialist|expert|professional|practitioner))\\b",
            "\\bi(?:'m|\\s+am)\\s+no\\s+longer\\b",
            "\\bi\\s+no\\s+longer\\b",
            "\\bmy\\s+(?:absolute\\s+|all-time\\s+|personal\\s+)?(?:favou?rite|preferred|go-to|preference)\\b",
            "\\bi(?:'d|\\s+would)\\s+" + ADVERBS + "(?:rather|prefer|much rather|always choose|go for|pick|choose|opt for|take)\\b",
            "\\bi\\s+used\\s+to\\s+(?:like|love|prefer|want|enjoy|go for)\\b",
            "\\bi\\s+" + ADVERBS + "find\\s+(?:[\\w,'-]+\\s+){1,6}?(?:easier|harder|better|worse|clearer|more|less|too|helpful|useful|annoying|distracting"
                    + "|tedious|boring|confusing)\\b",
            "\\bi(?:'ve|\\s+have)\\s+" + ADVERBS + "(?:switched|changed|moved on|gone off|grown to|come to|started to prefer|started preferring"
                    + "|gone back to|come back to|returned to|reverted to|moved to|started|begun|taken to"
                    + "|stopped|always (?:liked|loved|preferred|hated)|never (?:liked|enjoyed|been a fan))\\b",
            "\\bi\\s+" + ADVERBS + "(?:always|usually|only|never)\\s+(?:choose|pick|go for|order|book|take|drink|eat|wear|listen to|read|watch|use"
                    + "|fly|cycle|walk|drive|commute|travel)\\b",
            "\\bi\\s+" + ADVERBS + "(?:drink|eat|use|take|wear|read|watch|listen to|play|drive|fly|cycle|walk|commute|travel|order|book|cook|buy)\\b"
                    + ".*\\b(?:now|these days|nowadays|from now on|instead)\\b",
            "\\b(?:is|are)\\s+what\\s+i\\s+" + ADVERBS + "(?:enjoy|like|love|want|prefer|need|go for)\\b",
            "\\b(?:is|are)\\s+(?:(?:much|far|a lot|way)\\s+)?(?:more\\s+)?my\\s+(?:thing|style|cup of tea|jam|speed|kind of thing)\\b",
            "^(?:please\\s+)?(?:always|never|only)\\s+(?:give|show|use|recommend|suggest|book|send|offer|pick|choose|reply|answer|write)\\b"), FLAGS);

    /**
     * A weaker predicate ("I want", "I'd like", "give me", "keep it"): a lasting preference only when
     * something says it lasts or it plainly concerns one of the application's slots.
     */
    private static final Pattern WANT = Pattern.compile(String.join("|",
            "\\bi\\s+" + ADVERBS + "(?:want|need|expect|appreciate|value|look for|go for|gravitate towards|lean towards|care about)\\b",
            "\\bi(?:'m|\\s+am)\\s+" + ADVERBS + "(?:after|looking for|happy to (?:pay|spend|have|get|go)|willing to (?:pay|spend)"
                    + "|on a (?:\\w+\\s+)?budget|trying to (?:save|spend less|cut back)|new to|brand new to)\\b",
            "\\bi(?:'d|\\s+would)\\s+" + ADVERBS + "(?:like|love|appreciate|want)\\b(?!\\s+to\\b)",
            "\\bi\\s+(?:already\\s+)?know\\s+(?:the\\s+)?(?:basics|fundamentals|essentials|ropes)\\b",
            "\\b(?:would\\s+)?(?:suits?|helps?)\\s+me\\s+(?:the\\s+)?(?:better|best|most)\\b"
                    + "|\\b(?:works?|reads?|looks?|sounds?|feels?)\\s+(?:much\\s+|a lot\\s+)?(?:better|best)\\s+(?:for|to)\\s+me\\b",
            "\\bi\\s+could\\s+(?:really\\s+)?do\\s+with\\b|\\bmatters?\\s+(?:a\\s+lot\\s+|a\\s+great\\s+deal\\s+|most\\s+|more\\s+)?to\\s+me\\b",
            "\\b(?:doesn't|does not|don't|do not)\\s+matter\\s+(?:much\\s+)?to\\s+me\\b|\\bmoney\\s+is\\s+no\\s+object\\b",
            "\\bit(?:'d|\\s+would)\\s+be\\s+(?:great|nice|better|best|ideal|helpful|good|lovely)\\s+if\\b|\\bi(?:'d|\\s+would)\\s+be\\s+(?:grateful|happy|glad)\\s+if\\b"),
            FLAGS);

    /** An imperative about how to answer or what to offer, once openers are stripped ("Please give me ..."). */
    private static final Pattern IMPERATIVE = Pattern.compile(
            "(?:^|[,;:]\\s+)(?:please\\s+|just\\s+|kindly\\s+|do\\s+)*(?:(?:don't|do\\s+not|never)\\s+[a-z-]+|give|send|show|use|keep|make|write|offer|recommend|suggest|stick\\s+(?:to|with)|go\\s+with"
                    + "|talk|speak|explain|walk\\s+me\\s+through|break|put|number|list|lay\\s+out|format|answer|reply|respond|tell|find|cover|cite"
                    + "|include|add|throw\\s+in|skip|drop|cut|avoid|stay|be|lighten\\s+up|tone|dial|spell|leave|stop|quit|less|more"
                    + "|switch\\s+to|change\\s+to|go\\s+back\\s+to|move\\s+to|default\\s+to)\\b", FLAGS);

    /** An elliptical request: a noun phrase and "please" ("Bullet points, please."). */
    private static final Pattern ELLIPTICAL = Pattern.compile(
            "^(?<object>[a-z][\\w' -]{0,40}?),?\\s+(?:please|if possible|if you can|ideally|from now on|from here on|going forward|next time|for me)[.!]*$", FLAGS);

    /** The object of a wish names one thing (an article, a number, a possessive): a request for an instance. */
    private static final Pattern INSTANCE = Pattern.compile(
            "^(?:(?:me|us|to me|for me|please|just|only)\\s+)*(?:(?:how|what|why|where|when|who|which|whether|if)\\b"
                    + "|(?:a|an|one|two|three|four|\\d+|the|my|this|that|these|those|another|some)\\s+(?!(?:[\\w,-]+\\s+){0,3}?"
                    + "(?:tone|style|voice|register|balance|level|approach|format|layout|mix|way|manner|kind|sort|type|amount|degree|depth"
                    + "|answers?|repl(?:y|ies)|responses?|explanations?|options?|choices?|version)\\b)(?!(?:very\\s+|absolute\\s+)?\\w+est\\b|best\\b|most\\b))",
            FLAGS);

    /** Says the preference is meant to last. */
    private static final Pattern STANDING = Pattern.compile(
            "\\b(?:from now on|going forward|in (?:the )?future|for future reference|by default|every time|each time|whenever|always|as a rule"
                    + "|in general|generally|usually|typically|for the record|just so you know|keep in mind|bear in mind|remember that|note that"
                    + "|fyi|from here on|next time|any time|all the time|change of plans?)\\b", FLAGS);

    /** Ties a request to the here and now ("this", "tonight"): a one-off, not a preference. */
    private static final Pattern ONE_OFF = Pattern.compile(
            "\\b(?:this|these|those|today|tonight|tomorrow|right now|the following|at \\d|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b",
            FLAGS);

    /** A reaction to the answer just given: too much, not enough, not what was wanted, do it differently. */
    private static final Pattern FEEDBACK = Pattern.compile(String.join("|",
            "^(?:(?:still|way|far|much|a bit|a little|bit|just|slightly|rather|kind of|sort of|definitely|hmm|well|again|and)[,\\s]+)*too\\s+"
                    + "(?!bad\\b|late\\b|early\\b|soon\\b)[a-z-]+",
            "\\bnot\\s+(?:[a-z-]+\\s+){0,2}enough\\b|\\b(?:isn't|wasn't|aren't|weren't)\\s+(?:[a-z-]+\\s+)?enough\\b",
            "\\b(?:that|this|it|those|these|they|(?:your|the|that|this)\\s+(?:answer|reply|response|explanation|tone|writing|summary|text|list)s?)(?:'s|\\s+is|\\s+was|\\s+were|\\s+are"
                    + "|\\s+felt|\\s+feels?|\\s+seemed|\\s+seems?|\\s+sounded|\\s+sounds?|\\s+looked|\\s+looks?|\\s+reads?|\\s+came\\s+across(?:\\s+as)?)\\s+"
                    + "(?:(?:a bit|a little|kind of|sort of|rather|way|far|much|pretty|quite|really|very|still|overly|so|somewhat|slightly|bit)\\s+)*"
                    + "(?:too|overkill|over the top|dumbed|dry|cold|stiff|dense|thin|shallow|vague|choppy|wordy|verbose|rambling|terse|curt|rushed|"
                    + "confusing|condescending|patroni[sz]ing|robotic|bland|boring|cheap|pricey|expensive|fancy|basic|simplistic|technical|heavy|"
                    + "[a-z]+er\\s+than|more\\s+[a-z-]+\\s+than|less\\s+[a-z-]+\\s+than|hard\\s+to|not\\s+(?:what|quite|really|very|my))\\b",
            "\\bi\\s+(?:only\\s+|just\\s+|really\\s+|actually\\s+)?(?:wanted|needed|asked\\s+for|meant|was\\s+(?:after|hoping\\s+for|looking\\s+for|expecting)"
                    + "|expected)\\b|\\bwhat\\s+i\\s+(?:wanted|needed|asked\\s+for)\\b|\\bi(?:'d|\\s+would)\\s+have\\s+(?:liked|preferred)\\b",
            "^(?:please\\s+|just\\s+|and\\s+|so\\s+)*(?:skip|drop|cut|lose|ditch|spare\\s+me|leave\\s+out|enough\\s+with|hold\\s+the|no\\s+more)\\s+"
                    + "(?:the|all|those|that|your|it|with)\\b",
            "\\bno\\s+need\\s+(?:to|for)\\b|\\b(?:you\\s+)?(?:don't|do not|didn't)\\s+(?:need|have)\\s+to\\b",
            "\\bi\\s+(?:couldn't|could not|can't|cannot|didn't|did not)\\s+(?:follow|tell\\s+what|understand|make\\s+sense\\s+of|figure\\s+out|keep\\s+up)\\b",
            "\\byou\\s+(?:left\\s+out|missed|skipped|forgot|glossed\\s+over|overdid|overcomplicated|lost\\s+me|went\\s+on)\\b",
            "^(?:please\\s+|just\\s+)*(?:give|make|keep|write|put|say|tell|explain|break|lay|spell)\\s+(?:it|that|them|things)\\b",
            "^(?:could|can|would|will)\\s+you\\s+(?:please\\s+)?(?:\\w+\\s+){0,4}?(?:more|less|fewer|shorter|longer|simpler|clearer|warmer|friendlier"
                    + "|briefer|plainer|easier|lighter|funnier|tighter|crisper|better|cheaper)\\b",
            "^(?:could|can|would|will)\\s+you\\b.*\\b(?:next time|from now on|in future|going forward|instead)\\b",
            "^(?:nah|nope|meh|ugh|not\\s+(?:really\\s+|quite\\s+)?(?:my|for me|what i|a fan|ideal|helpful|great))\\b",
            "\\b(?:would|could)\\s+be\\s+(?:much\\s+|a lot\\s+|far\\s+|way\\s+)?(?:clearer|better|easier|nicer|more\\s+\\w+)\\s+(?:as|with|if|in)\\b",
            "\\bwhat\\s+i\\s+(?:really\\s+)?(?:want|need|like|enjoy|prefer)\\b",
            "\\b(?:tone|dial|scale|trim|pare|boil|water|dumb|spice|liven|jazz|lighten|loosen|simplify|shorten|condense|expand|flesh|tighten)"
                    + "\\s+(?:it|that|this|things|them)\\b",
            "\\b(?:that's|that\\s+is|that\\s+was|it's|it\\s+is|it\\s+was)\\s+(?:a\\s+lot|so\\s+much|way\\s+more|far\\s+more|much\\s+more|a\\s+bit\\s+much)\\b"
                    + "|\\b(?:a\\s+)?bit\\s+much\\b",
            "^(?:(?:a\\s+)?(?:bit|little|lot|much|way|far)\\s+)?(?:less|fewer|shorter|longer|simpler|plainer|clearer|warmer|friendlier|briefer"
                    + "|crisper|tighter|fancier|cheaper|more\\s+[a-z-]+)\\b(?:[\\s,]+[\\w'-]+){0,6}[.!]*$",
            "^why\\s+(?:so|such)\\b",
            "\\b(?:didn't|did\\s+not|doesn't|does\\s+not)\\s+(?:\\w+\\s+){0,2}enough\\b",
            "\\b(?:rambl(?:e|ed|es|ing)|dragged\\s+on|went\\s+on\\s+(?:and\\s+on|too\\s+long|forever))\\b",
            "\\bi\\s+(?:got|was|am|'m|felt|feel)\\s+(?:completely\\s+|totally\\s+|a\\s+bit\\s+|a\\s+little\\s+|so\\s+)?(?:lost|confused|bored|overwhelmed)\\b",
            "^(?:please\\s+)?(?:don't|do\\s+not|stop|quit)\\s+(?:be(?:ing)?\\s+so|us(?:e|ing)\\s+(?:so\\s+much|that\\s+much|all)|giving\\s+me|adding|including"
                    + "|lecturing|rambling|over)\\b"), FLAGS);

    private static final Pattern REQUEST = Pattern.compile(
            "\\bi(?:'d|\\s+would|\\s+want|\\s+need)\\s+(?:like|love|want)?\\s*to\\s+(?!avoid|stay|stick|keep)\\w+", FLAGS);
    private static final Pattern REACTION = Pattern.compile(
            "\\bi\\s+(?:really\\s+)?(?:like|love|hate|prefer)\\s+(?:it|that|this|them|those|these|your\\s+\\w+)\\s*(?:idea|one|option|suggestion)?\\s*[.!]*\\s*$", FLAGS);
    private static final Pattern POLITE_REQUEST = Pattern.compile("^(?:please\\s+)?(?:could|can|would|will)\\s+you\\s+(?:please\\s+)?\\w+", FLAGS);
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(?:do|does|did|can|could|would|will|is|are|should|shall|have|has)\\s+(?:you|i|we|they|he|she|it|there)\\b", FLAGS);
    /**
     * A request to forget. Verbs about memory ("forget", "stop remembering") take any object; verbs that
     * also act on things ("remove", "delete", "drop") only one that points at what the user said or
     * likes ("delete my ...", "remove what you know ..."), so "Remove the onions" is not a forget.
     */
    static final Pattern FORGET = Pattern.compile(
            "^(?:(?:ok(?:ay)?|also|and|actually|so|hey|oh|please|kindly|can you|could you|would you|will you|i want you to|i'd like you to"
                    + "|you can|you may|feel free to|go ahead and|just)[,\\s]+)*(?:please\\s+)?"
                    + "(?:(?:forget|unlearn|never\\s*mind(?=\\s+(?:what|about|my|that\\s+i))|(?:stop|quit)\\s+(?:remembering|storing|keeping\\s+track\\s+of|tracking)"
                    + "|(?:don't|do\\s+not)\\s+(?:remember|keep|store)|i\\s+(?:no\\s+longer|don't|do\\s+not)\\s+want\\s+you\\s+to\\s+(?:remember|know|keep|store))\\b"
                    + "(?!\\s+(?:to|it\\s+happened)\\b)"
                    + "|(?:disregard|ignore|erase|delete|remove|drop|scratch|wipe|clear|purge)\\b"
                    + "(?=\\s*$|\\s*[.!]|\\s+(?:that|what|my|everything|all|about|the\\s+fact|it|this|them|those|any)\\b))"
                    + "\\s*(?<rest>.*)$", FLAGS);
    static final Pattern FORGET_FILLER = Pattern.compile(
            "^(?:about\\s+)?(?:the\\s+fact\\s+)?(?:that\\s+|what\\s+(?:i\\s+(?:said|told you|mentioned)|you\\s+(?:know|have|'ve got|remember|learned|noted"
                    + "|stored|saved))(?:\\s+on\\s+file|\\s+noted|\\s+stored|\\s+saved)?\\s+(?:about\\s+)?|everything\\s+(?:i\\s+said\\s+|you\\s+know\\s+)?about\\s+"
                    + "|(?:my|the)\\s+(?:earlier\\s+|previous\\s+|old\\s+|last\\s+)?(?:note|preference|comment|statement|remark|take|view|opinion|request"
                    + "|instruction|wish|choice|setting|answer)s?\\s+(?:about|on|for|regarding|as to)\\s+|about\\s+)?"
                    + "(?:my\\s+(?:liking|love|fondness|taste|preference|penchant|weakness|soft spot)\\s+(?:for|of)\\s+)?", FLAGS);
    static final Pattern CHANGE = Pattern.compile(
            "\\b(?:actually|changed my mind|change of heart|no longer|not anymore|any\\s?more|these days|nowadays|instead|from now on"
                    + "|switched|gone off|lately|now prefer|now i|i now|earlier take|previous take|on second thoughts?|scratch that|used to|change of plans?"
                    + "|rather than before|going forward|switch to|change to|go back to)\\b", FLAGS);
    static final Pattern EMPHASIS = Pattern.compile(
            "\\b(?:really|strongly|definitely|absolutely|always|never|can't stand|cannot stand|hate|love|allergic)\\b", FLAGS);

    private PreferenceCues() {
    }

    /** True when {@code sentence} states a lasting first-person preference in so many words. */
    static boolean isStatement(String sentence) {
        return !isQuestion(sentence) && STATEMENT.matcher(sentence).find() && !REACTION.matcher(sentence).find() && !isActionRequest(sentence);
    }

    /**
     * What the preference in {@code sentence} is about: the words after its predicate ("bullet points"
     * in "Please give me bullet points"), or empty when nothing follows it. Frame words such as
     * "just so you know, I always want" say that there is a preference, not which one.
     */
    static Optional<String> content(String sentence) {
        String plain = withoutOpeners(sentence);
        for (Pattern predicate : new Pattern[] {STATEMENT, WANT, IMPERATIVE}) {
            Matcher matcher = predicate.matcher(plain);
            if (matcher.find()) {
                String rest = plain.substring(matcher.end()).replaceFirst("(?iu)^(?:\\s*(?:me|us|to|with|for|on|that)\\b)*", "")
                        .replaceAll("[\\s.!;:,]+$", "").strip();
                return rest.split("\\s+").length >= 2 ? Optional.of(rest) : Optional.empty();
            }
        }
        Matcher elliptical = ELLIPTICAL.matcher(plain);
        return elliptical.matches() ? Optional.of(elliptical.group("object")) : Optional.empty();
    }

    /** What {@link #wish} found: whether the object names one thing rather than a kind of thing. */
    record Wish(boolean instance) {
    }

    /**
     * The wish {@code sentence} expresses, if it asks for something in a way that may be a lasting
     * preference ("I'd like replies that ...", "Please give me bullet points", "Tables, please") and
     * is not a question or a request for an action. {@link Wish#instance} tells a request for one
     * thing ("Tell me a joke", "Give me the weather"), which lasts only when the sentence says so.
     */
    static Optional<Wish> wish(String sentence) {
        if (POLITE_REQUEST.matcher(sentence).find() && isStanding(sentence)) {
            // "Could you always answer in bullet points?" asks for a standing behaviour
            return Optional.of(new Wish(false));
        }
        if (isQuestion(sentence) || isActionRequest(sentence)) {
            return Optional.empty();
        }
        String plain = withoutOpeners(sentence);
        for (Pattern wish : new Pattern[] {WANT, IMPERATIVE}) {
            Matcher matcher = wish.matcher(plain);
            if (matcher.find()) {
                return Optional.of(new Wish(INSTANCE.matcher(plain.substring(matcher.end()).strip()).find()));
            }
        }
        Matcher elliptical = ELLIPTICAL.matcher(plain);
        return elliptical.matches() ? Optional.of(new Wish(INSTANCE.matcher(elliptical.group("object")).find())) : Optional.empty();
    }

    /** True when the sentence says it is meant to last ("from now on", "always"). */
    static boolean isStanding(String sentence) {
        return STANDING.matcher(sentence).find();
    }

    /** True when the sentence is tied to the here and now. */
    static boolean isOneOff(String sentence) {
        return ONE_OFF.matcher(sentence).find();
    }

    /** True when the sentence reacts to an answer ("too long", "no need to be so stiff", "I only needed the number"). */
    static boolean isFeedback(String sentence) {
        return FEEDBACK.matcher(withoutOpeners(sentence)).find();
    }

    static boolean isRevision(String sentence) {
        return CHANGE.matcher(sentence).find();
    }

    static boolean isEmphatic(String sentence) {
        return EMPHASIS.matcher(sentence).find();
    }

    private static boolean isQuestion(String sentence) {
        return sentence.endsWith("?") || QUESTION_START.matcher(sentence).find();
    }

    /** "I'd like to book a table" asks for an action; "I'd rather not fly" states a preference. */
    private static boolean isActionRequest(String sentence) {
        Matcher request = REQUEST.matcher(sentence);
        return request.find() && !STATEMENT.matcher(sentence.substring(0, request.start())).find()
                && !STATEMENT.matcher(sentence.substring(request.end())).find();
    }

    private static String withoutOpeners(String sentence) {
        return OPENERS.matcher(sentence).replaceFirst("");
    }
}
