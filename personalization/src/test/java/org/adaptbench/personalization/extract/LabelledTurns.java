package org.adaptbench.personalization.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;

/**
 * A small labelled conversation fixture in the style of the synthetic preference world: first-person
 * statements and paraphrases, wishes, changes of mind, "forget that I ...", implicit picks, reactions
 * to an answer, and filler with near misses (one-off requests, forgetting things that are not
 * preferences). Written by hand in plain English; none of it is the synthetic world's wording.
 */
final class LabelledTurns {

    /** Shared MiniLM embedder, caching: loading the model takes a moment, once per test JVM, and each text is embedded once. */
    static final Embedder MINILM = new CachingEmbedder(LangChain4jEmbedder.allMiniLmL6V2());

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    enum Label { STATEMENT, CHANGE, DELETION, PICK, FEEDBACK, FILLER }

    record Labelled(ConversationTurn turn, Label label, String slot) {
    }

    static SlotCatalogue catalogue() {
        return new SlotCatalogue(List.of(
                new SlotDefinition("seat", "seat preference on flights and trains",
                        List.of("I prefer aisle seats", "I like sitting by the window when I fly")),
                new SlotDefinition("cuisine", "favourite kind of food and cuisine",
                        List.of("I love spicy Thai food", "Italian food is my favourite")),
                new SlotDefinition("diet", "dietary restrictions such as vegetarian, vegan or allergies",
                        List.of("I'm vegetarian", "I don't eat meat")),
                new SlotDefinition("drink", "preferred hot drink, coffee or tea",
                        List.of("I prefer tea over coffee", "I drink my coffee black")),
                new SlotDefinition("music", "favourite music genre",
                        List.of("I love jazz", "I mostly listen to classical music")),
                new SlotDefinition("transport", "preferred way of travelling: train, car, plane or bike",
                        List.of("I'd rather take the train than fly", "I always cycle to work")),
                new SlotDefinition("answer_style", "how the assistant should answer: short or detailed, formal or casual",
                        List.of("I prefer short answers", "Please always give me detailed explanations"))));
    }

    static List<Labelled> turns() {
        List<Labelled> turns = new ArrayList<>();
        // statements and paraphrases
        statement(turns, "I prefer aisle seats on long flights.", "seat");
        statement(turns, "When I fly I always pick the window seat.", "seat");
        statement(turns, "I really like sitting near the aisle so I can stretch my legs.", "seat");
        statement(turns, "I love spicy Thai curries.", "cuisine");
        statement(turns, "My favourite cuisine is Japanese, especially sushi.", "cuisine");
        statement(turns, "I'm a big fan of Mexican food.", "cuisine");
        statement(turns, "Honestly, I adore Italian pasta dishes.", "cuisine");
        statement(turns, "I'm vegetarian, so no meat for me please.", "diet");
        statement(turns, "I'm allergic to peanuts.", "diet");
        statement(turns, "I don't eat pork.", "diet");
        statement(turns, "I prefer green tea to coffee.", "drink");
        statement(turns, "I can't stand coffee, it makes me jittery.", "drink");
        statement(turns, "My go-to drink in the morning is a flat white.", "drink");
        statement(turns, "I love listening to jazz while I work.", "music");
        statement(turns, "I'm really into heavy metal.", "music");
        statement(turns, "I mostly enjoy classical music, Bach in particular.", "music");
        statement(turns, "I'd rather take the train than drive.", "transport");
        statement(turns, "I hate flying, so I avoid planes whenever I can.", "transport");
        statement(turns, "I usually cycle to the office.", "transport");
        statement(turns, "I prefer short, to-the-point answers.", "answer_style");
        statement(turns, "Please always give me detailed step-by-step explanations.", "answer_style");
        statement(turns, "I like it when you keep replies casual.", "answer_style");
        // statements inside longer turns with filler around them
        statement(turns, "Thanks for the help earlier. By the way, I prefer window seats.", "seat");
        statement(turns, "We just moved to Berlin last month. I'm not a fan of spicy food.", "cuisine");
        // changes of mind
        change(turns, "Actually, I've changed my mind: I now prefer window seats.", "seat");
        change(turns, "I no longer eat meat at all these days, I went vegan.", "diet");
        change(turns, "These days I prefer coffee over tea.", "drink");
        change(turns, "I've switched to the train instead of driving.", "transport");
        change(turns, "Actually I'd rather have long, detailed answers from now on.", "answer_style");
        change(turns, "I'm no longer into jazz; I listen to hip hop now.", "music");
        change(turns, "Lately I've gone off Thai food, I prefer Korean now.", "cuisine");
        // deletions
        deletion(turns, "Please forget that I like aisle seats.", "seat");
        deletion(turns, "Forget what I said about my coffee preference.", "drink");
        deletion(turns, "Can you delete my preference for jazz music?", "music");
        deletion(turns, "Disregard my earlier note about being vegetarian.", "diet");
        deletion(turns, "Please forget about my favourite cuisine.", "cuisine");
        deletion(turns, "Stop remembering that I cycle to work.", "transport");
        // implicit picks
        pick(turns, "Which seat would you like?", List.of("Aisle seat", "Window seat", "Middle seat"), 1, "seat");
        pick(turns, "What should I order for you?", List.of("Pad Thai", "Margherita pizza", "Caesar salad"), 0, "cuisine");
        pick(turns, "Coffee or tea with breakfast?", List.of("Black coffee", "Earl Grey tea"), 1, "drink");
        pick(turns, "Which playlist should I start?", List.of("Smooth jazz", "Classic rock", "Lo-fi beats"), 0, "music");
        pick(turns, "How do you want to get to the conference?", List.of("Train", "Rental car", "Flight"), 0, "transport");
        pick(turns, "How detailed should the summary be?", List.of("Three bullet points", "A full page"), 0, "answer_style");
        // wishes: a lasting preference when they say so or plainly concern a slot
        statement(turns, "From now on, please keep your answers brief.", "answer_style");
        statement(turns, "I'd like replies that get straight to the point.", "answer_style");
        statement(turns, "Window seats, please.", "seat");
        statement(turns, "It would be great if you always booked me on trains.", "transport");
        statement(turns, "Could you always suggest vegetarian dishes?", "diet");
        statement(turns, "Jazz is more my thing.", "music");
        statement(turns, "I'm a complete beginner, so plain explanations work best for me.", "answer_style");
        // reactions to an answer
        feedback(turns, "That was way too long for what I asked.", "answer_style");
        feedback(turns, "No need to be so formal with me.", "answer_style");
        feedback(turns, "Hmm, I only needed a short yes or no.", "answer_style");
        feedback(turns, "Could you make it shorter next time?", "answer_style");
        feedback(turns, "Too much jargon. Say it in plain words.", "answer_style");
        // changes of mind beside a forget, and more ways to ask for one
        change(turns, "Forget what I said about tea; I drink coffee now.", "drink");
        change(turns, "On second thought, I'd rather sit by the aisle.", "seat");
        deletion(turns, "You can forget about my taste in music.", "music");
        deletion(turns, "I no longer want you to remember my diet.", "diet");
        deletion(turns, "Never mind what I said about trains.", "transport");
        // one-off requests and other near misses
        filler(turns, "Tell me a joke.");
        filler(turns, "Please give me a recipe for lasagna.");
        filler(turns, "Explain how a heat pump works.");
        filler(turns, "Write me a short poem about the sea.");
        filler(turns, "Give me the weather for Paris.");
        filler(turns, "Find me a cheap flight to Berlin on Friday.");
        filler(turns, "Show me the menu, please.");
        filler(turns, "The bill, please.");
        filler(turns, "I need to pick up my kids at five.");
        filler(turns, "Never mind, I found it.");
        filler(turns, "Remove the onions from the recipe, please.");
        filler(turns, "I forgot my password again.");
        // filler, including near misses
        filler(turns, "What's the weather like in Lisbon tomorrow?");
        filler(turns, "I went to the cinema with my sister yesterday.");
        filler(turns, "Can you recommend a good restaurant near the station?");
        filler(turns, "I'd like to book a table for two at eight.");
        filler(turns, "Do you like jazz?");
        filler(turns, "Thanks, that sounds good. I like that idea.");
        filler(turns, "Don't forget to remind me about the dentist on Friday.");
        filler(turns, "I forgot my umbrella at the office again.");
        filler(turns, "My flight lands at 6pm, can you check the gate?");
        filler(turns, "I need to finish the quarterly report by Monday.");
        filler(turns, "How long does it take to boil an egg?");
        filler(turns, "We had a great time at the beach last weekend.");
        filler(turns, "I want to learn how to bake sourdough bread.");
        filler(turns, "Could you translate this sentence into French?");
        filler(turns, "My brother lives in Toronto.");
        filler(turns, "I am going to Rome in June.");
        filler(turns, "What time is it in Tokyo right now?");
        filler(turns, "Remind me what we discussed about the budget.");
        filler(turns, "I watched a documentary about whales last night.");
        filler(turns, "Ok, sounds good, thanks!");
        return turns;
    }

    private static Instant at(List<Labelled> turns) {
        return T0.plusSeconds(600L * turns.size());
    }

    private static void statement(List<Labelled> turns, String text, String slot) {
        turns.add(new Labelled(ConversationTurn.user(text, at(turns)), Label.STATEMENT, slot));
    }

    private static void change(List<Labelled> turns, String text, String slot) {
        turns.add(new Labelled(ConversationTurn.user(text, at(turns)), Label.CHANGE, slot));
    }

    private static void deletion(List<Labelled> turns, String text, String slot) {
        turns.add(new Labelled(ConversationTurn.user(text, at(turns)), Label.DELETION, slot));
    }

    private static void feedback(List<Labelled> turns, String text, String slot) {
        turns.add(new Labelled(ConversationTurn.user(text, at(turns)), Label.FEEDBACK, slot));
    }

    private static void pick(List<Labelled> turns, String question, List<String> options, int chosen, String slot) {
        turns.add(new Labelled(ConversationTurn.pick(question, options, chosen, at(turns)), Label.PICK, slot));
    }

    private static void filler(List<Labelled> turns, String text) {
        turns.add(new Labelled(ConversationTurn.user(text, at(turns)), Label.FILLER, ""));
    }

    private LabelledTurns() {
    }
}
