package org.adaptbench.personalization.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sentence cues on their own, without embeddings: generic English written for this test (none of
 * it is the synthetic world's wording), each sentence in the one class it belongs to.
 */
class PreferenceCuesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm partial to bullet points.",
        "I find tables easier to read.",
        "Short answers are my preference.",
        "Italian is my favourite cuisine.",
        "These days I'm more into Mexican food.",
        "I used to like formal replies, but now casual is better.",
        "I've gone back to preferring prose.",
        "I'm a complete beginner, so keep it simple.",
        "I'm happiest when replies are short.",
        "Tacos are what I really enjoy.",
        "I drink tea now instead of coffee."})
    void statements(String sentence) {
        assertTrue(PreferenceCues.isStatement(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bullet points work best for me.",
        "I tend to gravitate towards Japanese food.",
        "Answers with examples help me the most.",
        "When you answer, use plain English.",
        "Budget matters a lot to me, so cheaper is better.",
        "Prose reads better to me than lists.",
        "I'd appreciate it if you kept things brief.",
        "Please default to numbered steps.",
        "I could do with less jargon in general.",
        "Not bullets anymore, give me tables from now on.",
        "Change of plan: detailed answers from here on.",
        "Tables, please.",
        "Keep things casual with me, please.",
        "It would be great if you always booked me on trains.",
        "Could you always suggest vegetarian dishes?",
        "I'd like replies that get straight to the point.",
        "Please give me a warm, friendly tone."})
    void wishesForAKindOfThing(String sentence) {
        Optional<PreferenceCues.Wish> wish = PreferenceCues.wish(sentence);
        assertTrue(wish.isPresent() && !wish.get().instance(), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Tell me a joke.",
        "Please give me a recipe for lasagna.",
        "Write me a short poem about the sea.",
        "Give me the weather for Paris.",
        "Show me the menu, please.",
        "The bill, please.",
        "Explain how a heat pump works.",
        "Give me three ideas for a birthday party."})
    void requestsForOneThingAreNotLastingWishes(String sentence) {
        assertTrue(PreferenceCues.wish(sentence).map(PreferenceCues.Wish::instance).orElse(true), sentence);
        assertFalse(PreferenceCues.isStatement(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "That's way more than I needed.",
        "Can you be less formal?",
        "Ugh, so much jargon.",
        "Bit too chatty for my taste.",
        "I was hoping for a table there.",
        "That didn't have enough detail.",
        "Less fluff, more facts.",
        "That answer rambled on.",
        "I got lost in all those terms.",
        "No need to be so stiff with me.",
        "Still too complicated.",
        "Could you make it shorter next time?",
        "Why so formal?",
        "You skipped the part I cared about.",
        "This would be much clearer as a table."})
    void reactionsToAnAnswer(String sentence) {
        assertTrue(PreferenceCues.isFeedback(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Please drop my preference for tables.",
        "Erase everything you know about my budget.",
        "Don't keep track of my food preferences anymore.",
        "Forget I ever mentioned bullet points.",
        "Stop remembering that I like formal replies.",
        "You can forget about my taste in music.",
        "I no longer want you to remember my diet.",
        "Never mind what I said about trains."})
    void forgetRequests(String sentence) {
        assertTrue(PreferenceCues.FORGET.matcher(sentence).matches(), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Can you summarise this article for me?",
        "I want to know how tides work.",
        "Please explain what a mortgage is.",
        "That restaurant was too expensive last night.",
        "I'd love a coffee right now.",
        "Thanks, that's perfect.",
        "Never mind, I found it.",
        "Remove the onions from the recipe, please.",
        "I forgot my password again.",
        "Don't forget to call mom.",
        "What's the capital of Peru?"})
    void smallTalkAndOneOffRequestsCarryNoCue(String sentence) {
        boolean lastingWish = PreferenceCues.wish(sentence).map(w -> !w.instance()).orElse(false)
                && !PreferenceCues.isOneOff(sentence) && PreferenceCues.isStanding(sentence);
        List<Boolean> cues = List.of(PreferenceCues.isStatement(sentence), lastingWish, PreferenceCues.isFeedback(sentence),
                PreferenceCues.FORGET.matcher(sentence).matches());
        assertFalse(cues.contains(true), sentence + " " + cues);
    }
}
