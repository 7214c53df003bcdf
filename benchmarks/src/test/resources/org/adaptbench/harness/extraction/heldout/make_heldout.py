#!/usr/bin/env python3
"""Writes the extractor's own held-out set (turns.jsonl, queries.jsonl, users.jsonl) next to this file.

Every sentence below was written by hand for this set, before the preference extractor was reworked,
without reading the synthetic world's evaluation wording; it is never used to tune anything.
36 users; each states a preference on two of the six synthetic dimensions (72 statements, three per
dimension option, each in its own words), between filler chat; each is then asked two questions on
each stated dimension. Every option of a question is right for as many users, so the blind ceiling is 0.25.
Rerun: python3 make_heldout.py (the output is deterministic).
"""
import json
import os

STATEMENTS = {
    ("verbosity", "short"): [
        "Keep what you send me brief \u2014 a few sentences is plenty.",
        "I've got little time to read, so a short paragraph per answer is ideal for me.",
        "Spare me the essays: a couple of tight sentences is the length I'm after.",
    ],
    ("verbosity", "detailed"): [
        "I learn best when you take your time, unpack the reasoning and throw in an example or two.",
        "Don't hold back on length with me; I'd much rather read a long, careful explanation with illustrations than a summary.",
        "Give me the full story every time \u2014 the background, the how and a concrete case.",
    ],
    ("verbosity", "minimal"): [
        "Only the answer itself, please \u2014 no commentary around it, ever.",
        "When I ask something, just hand me the result; I'll ask if I want to know why.",
        "Skip any explanation in what you tell me. A single word or number is perfect.",
    ],
    ("verbosity", "exhaustive"): [
        "I want every corner case, caveat and reference covered, even if the answer gets very long.",
        "Leave nothing out when you answer me: exceptions, fine print, where the facts come from.",
        "Be as complete as humanly possible in your answers \u2014 I'd rather wade through too much than miss a detail.",
    ],
    ("tone", "friendly"): [
        "Talk to me like we're old mates \u2014 relaxed and warm is how I like it.",
        "A cosy, chatty style makes me feel at ease, so please write to me that way.",
        "I respond much better to a kind, easy-going voice than to anything stiff.",
    ],
    ("tone", "formal"): [
        "Please address me in a proper, businesslike register at all times.",
        "I'd appreciate correct, respectful and rather reserved language in everything you write to me.",
        "Write to me the way a bank manager would write to a client: polished and proper.",
    ],
    ("tone", "direct"): [
        "Cut the niceties and get straight to it when you reply to me.",
        "No small talk and no softening, please; tell me things plainly even if they sting.",
        "I value frankness over politeness, so skip the warm-up lines.",
    ],
    ("tone", "playful"): [
        "Feel free to crack jokes \u2014 I like a bit of silliness mixed into answers.",
        "Make it fun! Puns and a cheeky remark here and there keep me engaged.",
        "I enjoy a witty, tongue-in-cheek style far more than a serious one.",
    ],
    ("format", "bullets"): [
        "Break your answers into short, bulleted points; I skim rather than read.",
        "Whenever possible, give me a list of key points instead of running text.",
        "Scannable lists with one idea per line are how I like information presented.",
    ],
    ("format", "prose"): [
        "I'd rather read connected sentences than fragments, so write in normal paragraphs.",
        "Lists feel choppy to me; a few well-joined paragraphs read far better.",
        "Tell it to me like a short article, sentence after sentence, not as a list.",
    ],
    ("format", "steps"): [
        "For anything practical, number each action so I can follow along one at a time.",
        "I like instructions as a sequence: 1, 2, 3, and so on.",
        "Whenever you explain how to do something, go through it in numbered stages.",
    ],
    ("format", "table"): [
        "Put comparisons into a grid with columns; that's how I digest information.",
        "I'm a spreadsheet person \u2014 rows and columns make the most sense to me.",
        "If something can go in a table, put it in one; columns help me compare at a glance.",
    ],
    ("expertise", "beginner"): [
        "I'm new to all of this, so please avoid specialist words and start from zero.",
        "Assume I know nothing about the subject and compare things to ordinary life.",
        "I've never studied any of this, so explain it the way you would to a total newcomer.",
    ],
    ("expertise", "intermediate"): [
        "I've got a working knowledge already; skip the very basics but explain anything advanced.",
        "Pitch things at someone who's dabbled in the field for a couple of years.",
        "I'm past the introductory stage, so a moderate amount of technical detail is right for me.",
    ],
    ("expertise", "expert"): [
        "I do this for a living \u2014 go as deep and technical as you like.",
        "Talk to me as a peer in the field; use the proper jargon and don't simplify.",
        "I hold a doctorate in this area, so skip the simplifications entirely.",
    ],
    ("expertise", "child"): [
        "Explain things as you would to a small kid \u2014 tiny words, simple ideas.",
        "My reading level is like a primary-school pupil's, so keep the vocabulary very simple.",
        "Pretend you're talking to an eight-year-old whenever you explain something to me.",
    ],
    ("cuisine", "italian"): [
        "Nothing beats a plate of risotto or lasagne for me.",
        "When we talk about restaurants, I'm always happiest at a trattoria.",
        "Gnocchi, antipasti and tiramisu \u2014 that's the food I keep coming back to.",
    ],
    ("cuisine", "japanese"): [
        "If it's tempura or a bowl of udon, count me in every time.",
        "My ideal dinner is at an izakaya with sashimi and miso soup.",
        "I keep craving food from Tokyo-style places: yakitori, bento, that kind of thing.",
    ],
    ("cuisine", "mexican"): [
        "Enchiladas and guacamole are my comfort food.",
        "Suggest a taqueria whenever I'm looking for somewhere to eat.",
        "I could live on quesadillas, salsa and refried beans.",
    ],
    ("cuisine", "indian"): [
        "A good dal with naan bread is my idea of a perfect meal.",
        "When I eat out I head for tandoori and masala dishes.",
        "Samosas, paneer and a spicy vindaloo \u2014 I never get tired of that food.",
    ],
    ("budget", "mid_range"): [
        "I don't mind paying a fair price, but I won't go for the dearest or the cheapest.",
        "Recommend things that are sensibly priced \u2014 solid value without splurging.",
        "Somewhere in the middle of the market suits my wallet best.",
    ],
    ("budget", "frugal"): [
        "Money's tight for me, so always point me to the least expensive option that works.",
        "I'm pinching pennies; show me the thriftiest choices.",
        "Bargains, discounts and second-hand finds are what I look for.",
    ],
    ("budget", "premium"): [
        "I'm happy to spend more for something noticeably better made.",
        "Quality matters more to me than cost, within reason \u2014 point me to the upmarket picks.",
        "I'll gladly stretch my spending for products that are built properly and last.",
    ],
    ("budget", "luxury"): [
        "Price is irrelevant to me; I want the finest thing available.",
        "Show me the most exclusive, top-tier options \u2014 cost doesn't come into it.",
        "I like to treat myself to the very top end, whatever the bill.",
    ],
}

OPTIONS = {
    "verbosity": ["short", "detailed", "minimal", "exhaustive"],
    "tone": ["friendly", "formal", "direct", "playful"],
    "format": ["bullets", "prose", "steps", "table"],
    "expertise": ["beginner", "intermediate", "expert", "child"],
    "cuisine": ["italian", "japanese", "mexican", "indian"],
    "budget": ["mid_range", "frugal", "premium", "luxury"],
}
DIMENSIONS = list(OPTIONS)

# two questions per dimension; the options are listed in OPTIONS order, then rotated per question
QUESTIONS = {
    "verbosity": [
        ("You asked why the sky is blue. Which reply do you want?", [
            "A few sentences giving the main reason in plain terms.",
            "A careful explanation of the physics with a worked example.",
            "Only the phrase 'Rayleigh scattering', nothing added.",
            "Every factor, exception and source on the topic, in full."]),
        ("Which reply to 'how do tides work?' would you rather get?", [
            "A brief paragraph summing up the pull of the moon.",
            "A long, patient account of the forces with an illustration.",
            "Just the words 'the moon's gravity', no elaboration.",
            "All the causes, side effects, caveats and references."]),
    ],
    "tone": [
        ("How should I tell you that your train is delayed?", [
            "Hey there, bad luck! Your train's running a bit late, sorry!",
            "Please be advised that your train is subject to a delay.",
            "Your train is late. Twenty minutes. Plan accordingly.",
            "Your train is taking the scenic route through time again!"]),
        ("Which way of saying your order has shipped do you like?", [
            "Great news, friend! Your parcel is on its way to you!",
            "We are pleased to inform you that your order has shipped.",
            "Order shipped. Arrives Thursday. Tracking number below.",
            "Your parcel has packed its tiny suitcase and hit the road!"]),
    ],
    "format": [
        ("How should I present the differences between two phone plans?", [
            "A short list of points, one per difference.",
            "A couple of paragraphs describing the differences.",
            "A numbered sequence leading you to a decision.",
            "A grid with one column per plan and a row per feature."]),
        ("How would you like a recipe for pancakes laid out?", [
            "Key points as dotted items: ingredients, tips, timing.",
            "A short narrative describing how to make them.",
            "Numbered instructions from mixing to flipping.",
            "A chart of ingredients, amounts and cooking times."]),
    ],
    "expertise": [
        ("How should I explain how a computer stores data?", [
            "With homely comparisons and no specialist words at all.",
            "Assuming you know the basics, defining new terms briefly.",
            "At full depth, with registers, caches and precise terms.",
            "In tiny words, like a story for a young child."]),
        ("Which explanation of interest rates suits you?", [
            "A gentle intro for someone who has never studied money.",
            "A middle-level account that builds on basic finance.",
            "A rigorous treatment in the economist's full vocabulary.",
            "A piggy-bank story a small kid could follow."]),
    ],
    "cuisine": [
        ("Where should I book dinner for Saturday?", [
            "A family pizzeria with a wood-fired oven.",
            "A sushi counter with a chef's tasting menu.",
            "A taco bar with fresh salsas and margaritas.",
            "A curry house with a clay-oven grill."]),
        ("What should I pick up for your lunch?", [
            "A tray of baked ziti with garlic bread.",
            "A box of onigiri with pickled vegetables.",
            "A pair of burritos with black beans.",
            "A chicken korma with basmati rice."]),
    ],
    "budget": [
        ("Which hotel should I book for your trip?", [
            "A comfortable three-star hotel at a fair rate.",
            "The cheapest clean hostel bed in town.",
            "A well-reviewed boutique hotel costing a bit more.",
            "The most lavish five-star suite available."]),
        ("Which headphones should I recommend to you?", [
            "A solid pair at a moderate, sensible price.",
            "The lowest-priced pair that still works fine.",
            "A high-quality pair that costs more but lasts.",
            "The flagship pair, the most expensive on sale."]),
    ],
}

FILLER = [
    ("How far is the Moon from Earth?", "On average about 384,400 kilometres."),
    ("What's a good name for a goldfish?", "How about Bubbles or Captain Fin?"),
    ("How many legs does a spider have?", "Spiders have eight legs."),
    ("Can you tell me what year the Berlin Wall fell?", "It fell in 1989."),
    ("What's the boiling point of water at sea level?", "100 degrees Celsius."),
    ("Who painted the Mona Lisa?", "Leonardo da Vinci painted it."),
    ("Remind me how many ounces are in a pound.", "There are 16 ounces in a pound."),
    ("What does DNA stand for?", "Deoxyribonucleic acid."),
    ("Is a tomato a fruit?", "Botanically, yes: it is a fruit."),
    ("What's the tallest mountain in Africa?", "Mount Kilimanjaro."),
    ("I'm heading to the dentist later, wish me luck.", "Good luck, I hope it goes smoothly!"),
    ("Book me a taxi for 7am tomorrow.", "Done: a taxi is booked for 7am tomorrow."),
    ("Can you find me a recipe for banana bread?", "Here is a simple banana bread recipe."),
    ("My sister just got a puppy.", "How lovely! What breed is it?"),
    ("What's the time difference between London and New York?", "New York is usually five hours behind London."),
    ("How do I say thank you in Japanese?", "'Arigatou' means thank you."),
    ("We had pizza at the office party yesterday.", "Sounds like a fun party!"),
    ("Send me the link to that article again, please.", "Here is the link again."),
    ("How long should I boil an egg for a runny yolk?", "About six minutes."),
    ("Which planet is closest to the Sun?", "Mercury is the closest."),
]

T0 = 1735689600000  # 2025-01-01T00:00:00Z
STEP = 60_000


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    used = {key: 0 for key in STATEMENTS}
    stated_by_dimension = {d: 0 for d in DIMENSIONS}
    turns, queries, users = [], [], []
    for u in range(36):
        user = "heldout-%02d" % u
        d1 = u % 6
        d2 = (d1 + 1 + (u // 6) % 5) % 6
        clock = [T0 + u * 86_400_000]
        seq = [0]

        def turn(role, text, label=None):
            seq[0] += 1
            clock[0] += STEP
            row = {"user_id": user, "turn_id": "%s-t%02d" % (user, seq[0]), "role": role, "text": text, "timestamp": clock[0]}
            if label is not None:
                row["label"] = label
            turns.append(row)
            return row["turn_id"]

        def filler(k):
            question, answer = FILLER[k % len(FILLER)]
            turn("user", question, {"kind": "filler"})
            turn("assistant", answer)

        evidence = {}
        filler(3 * u)
        for i, d in enumerate((d1, d2)):
            dimension = DIMENSIONS[d]
            option = OPTIONS[dimension][stated_by_dimension[dimension] % 4]
            stated_by_dimension[dimension] += 1
            text = STATEMENTS[(dimension, option)][used[(dimension, option)]]
            used[(dimension, option)] += 1
            evidence[dimension] = (option, turn("user", text, {"kind": "statement", "dimension": dimension, "option": option}))
            filler(3 * u + 1 + i)
        last = turns[-1]["turn_id"]
        for dimension, (option, turn_id) in evidence.items():
            for q, (question, texts) in enumerate(QUESTIONS[dimension]):
                shift = (DIMENSIONS.index(dimension) + q) % 4
                order = [(i + shift) % 4 for i in range(4)]
                options = [texts[i] for i in order]
                correct = order.index(OPTIONS[dimension].index(option))
                queries.append({"user_id": user, "query_id": "%s-%s-%d" % (user, dimension, q), "question": question,
                                "options": options, "correct_index": correct, "after_turn_id": last,
                                "evidence_turn_ids": [turn_id], "dimension": dimension,
                                "group": "%s=%s" % (dimension, option), "majority_rate": 0.25})
        users.append({"user_id": user, "attributes": {dimension: option for dimension, (option, _) in evidence.items()}})
    assert all(n == 3 for n in used.values()), used
    for name, rows in (("turns.jsonl", turns), ("queries.jsonl", queries), ("users.jsonl", users)):
        with open(os.path.join(here, name), "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
