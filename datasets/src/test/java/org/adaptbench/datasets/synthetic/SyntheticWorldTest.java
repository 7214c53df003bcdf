package org.adaptbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.adaptbench.datasets.jsonl.JsonlLayout;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticWorldTest {

    private static final SyntheticConfig CONFIG = SyntheticConfig.defaults(42).withUsers(300);
    private static SyntheticWorld world;

    @BeforeAll
    static void generate() {
        world = SyntheticWorld.generate(CONFIG);
    }

    @Test
    void sameSeedWritesIdenticalBytes(@TempDir Path dir) throws IOException {
        world.write(dir.resolve("a"));
        SyntheticWorld.generate(CONFIG).write(dir.resolve("b"));
        for (String file : new TreeSet<>(JsonlLayout.FILES)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void differentSeedGivesDifferentData(@TempDir Path dir) throws IOException {
        SyntheticWorld other = SyntheticWorld.generate(CONFIG.withSeed(43));
        assertNotEquals(world.dataset().contentHash(), other.dataset().contentHash());
        world.write(dir.resolve("a"));
        other.write(dir.resolve("b"));
        for (String file : List.of(JsonlLayout.USERS, JsonlLayout.TURNS, JsonlLayout.QUERIES)) {
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file))), file);
        }
    }

    @Test
    void aUserIsTheSameWhateverTheNumberOfUsers() {
        SyntheticWorld fewer = SyntheticWorld.generate(CONFIG.withUsers(10));
        for (int u = 0; u < 10; u++) {
            assertEquals(world.dataset().users().get(u).history(), fewer.dataset().users().get(u).history());
        }
    }

    @Test
    void popularityIsSkewedAndMinorityUsersExist() {
        DimensionCatalogue catalogue = world.catalogue();
        int minorityUsers = 0;
        for (UserData user : world.dataset().users()) {
            minorityUsers += Integer.parseInt(user.attributes().get("minority_preferences")) > 0 ? 1 : 0;
        }
        assertTrue(minorityUsers > world.dataset().users().size() / 2, "minority users: " + minorityUsers);
        for (Dimension dimension : catalogue.dimensions()) {
            Map<String, Integer> holders = new HashMap<>();
            for (UserData user : world.dataset().users()) {
                holders.merge(user.attributes().get(dimension.name()), 1, Integer::sum);
            }
            int majority = holders.getOrDefault(dimension.options().get(0).name(), 0);
            for (PreferenceOption option : dimension.options().subList(1, dimension.options().size())) {
                int count = holders.getOrDefault(option.name(), 0);
                assertTrue(count > 0, dimension.name() + "=" + option.name() + " has no user");
                assertTrue(majority > 1.5 * count, dimension.name() + ": majority " + majority + " vs " + option.name() + " " + count);
            }
            assertTrue(holders.getOrDefault("none", 0) > 0, dimension.name() + " has no user without a preference");
        }
    }

    @Test
    void attributesRecordInitialPreferenceRankAndPopularity() {
        for (UserData user : world.dataset().users()) {
            for (Dimension dimension : world.catalogue().dimensions()) {
                String option = user.attributes().get(dimension.name());
                if (option.equals("none")) {
                    assertFalse(user.attributes().containsKey(dimension.name() + ".rank"));
                    continue;
                }
                int rank = dimension.option(option).orElseThrow().popularityRank();
                assertEquals(Integer.toString(rank), user.attributes().get(dimension.name() + ".rank"));
                assertEquals(rank == 1 ? "majority" : "minority", user.attributes().get(dimension.name() + ".popularity"));
            }
        }
    }

    @Test
    void everyQueryHasOneCorrectOptionAndEvidenceThatStatesIt() {
        WorldChecks.assertQueriesMatchHistory(world);
    }

    @Test
    void everyOptionOfEveryQuestionIsRightForSomeUser() {
        Map<String, Set<Integer>> correct = new HashMap<>();
        Map<String, Set<String>> users = new HashMap<>();
        for (UserData user : world.dataset().users()) {
            for (Query query : user.queries()) {
                correct.computeIfAbsent(WorldChecks.questionKey(query), k -> new HashSet<>()).add(query.correctIndex());
                users.computeIfAbsent(WorldChecks.questionKey(query), k -> new HashSet<>()).add(user.userId());
            }
        }
        assertTrue(world.everyOptionCorrectForSomeUser());
        for (Map.Entry<String, Set<Integer>> question : correct.entrySet()) {
            assertEquals(Set.of(0, 1, 2, 3), question.getValue(), question.getKey());
            assertTrue(users.get(question.getKey()).size() >= 4, question.getKey());
        }
    }

    @Test
    void majorityRatesAndCeilingMatchTheQueries() throws IOException {
        WorldChecks.assertMajorityRates(world);
        double ceiling = world.manifest().get("majority_ceiling").doubleValue();
        assertEquals(world.majorityCeiling(), ceiling);
        assertTrue(ceiling > 0.25 && ceiling < 0.6, "ceiling " + ceiling);
    }

    @Test
    void queriesAreNeverInAnyHistory() {
        Set<String> historyTexts = new HashSet<>();
        Set<String> choiceQuestions = new HashSet<>();
        for (UserData user : world.dataset().users()) {
            for (Turn turn : user.history()) {
                historyTexts.add(turn.text());
                turn.choice().ifPresent(choice -> {
                    choiceQuestions.add(choice.question());
                    historyTexts.addAll(choice.options());
                });
            }
        }
        for (UserData user : world.dataset().users()) {
            for (Query query : user.queries()) {
                assertFalse(choiceQuestions.contains(query.question()), query.question());
                assertFalse(historyTexts.contains(query.question()), query.question());
                for (String option : query.options()) {
                    assertFalse(historyTexts.stream().anyMatch(text -> text.contains(option)), option);
                }
            }
        }
    }

    @Test
    void evaluationHistoriesUseOnlyTheirOwnWordingAndPools() {
        assertUsesOnlyItsOwnText(world);
    }

    @Test
    void domainAndValidationWorldsUsePretrainingWordingAndPoolsOfTheirOwn() {
        for (WorldRole role : List.of(WorldRole.DOMAIN, WorldRole.VALIDATION)) {
            SyntheticWorld other = SyntheticWorld.generate(CONFIG.withUsers(100).withRole(role));
            assertEquals(role, other.role());
            assertEquals(Wording.PRETRAINING, other.wording());
            assertEquals(role.wireName(), other.manifest().get("role").asText());
            assertEquals("pretraining", other.manifest().get("wording").asText());
            assertUsesOnlyItsOwnText(other);
            WorldChecks.assertQueriesMatchHistory(other);
            WorldChecks.assertMajorityRates(other);
            long preferenceTurns = other.dataset().users().stream().flatMap(u -> u.history().stream())
                    .filter(turn -> turn.label().carriesPreference()).count();
            assertTrue(preferenceTurns > 1000, role + " preference turns: " + preferenceTurns);
        }
        assertEquals("evaluation", world.manifest().get("role").asText());
        assertEquals("evaluation", world.manifest().get("wording").asText());
    }

    @Test
    void theWordingFormOfGenerateIsTheEvaluationOrTheValidationWorld() {
        SyntheticConfig small = CONFIG.withUsers(20);
        assertEquals(SyntheticWorld.generate(small.withRole(WorldRole.VALIDATION)).dataset(),
                SyntheticWorld.generate(small, Wording.PRETRAINING).dataset());
        assertEquals(SyntheticWorld.generate(small).dataset(), SyntheticWorld.generate(small, Wording.EVALUATION).dataset());
        assertNotEquals(SyntheticWorld.generate(small).dataset().contentHash(),
                SyntheticWorld.generate(small.withRole(WorldRole.DOMAIN)).dataset().contentHash());
    }

    @Test
    void worldsOfDifferentRolesHaveTheirOwnUsersUnderOneSeed() {
        SyntheticConfig small = CONFIG.withUsers(30);
        List<Map<String, String>> evaluation = SyntheticWorld.generate(small).dataset().users().stream().map(UserData::attributes).toList();
        for (WorldRole role : List.of(WorldRole.DOMAIN, WorldRole.VALIDATION)) {
            List<Map<String, String>> other = SyntheticWorld.generate(small.withRole(role)).dataset().users().stream()
                    .map(UserData::attributes).toList();
            long same = java.util.stream.IntStream.range(0, evaluation.size()).filter(u -> evaluation.get(u).equals(other.get(u))).count();
            assertTrue(same < 3, role + ": " + same + " of " + evaluation.size() + " users hold the evaluation users' preferences");
        }
    }

    @Test
    void aDefaultSizedWorldAsksAtLeast240DistinctItemsOnEveryDimension() {
        SyntheticWorld defaults = SyntheticWorld.generate(SyntheticConfig.defaults(7));
        Map<String, Set<String>> items = new TreeMap<>();
        for (UserData user : defaults.dataset().users()) {
            for (Query query : user.queries()) {
                items.computeIfAbsent(query.dimension(), d -> new HashSet<>()).add(WorldChecks.questionKey(query));
            }
        }
        assertEquals(defaults.catalogue().size(), items.size(), "dimensions asked: " + items.keySet());
        int total = items.values().stream().mapToInt(Set::size).sum();
        assertTrue(total >= 240, "distinct items: " + total);
        items.forEach((dimension, asked) -> assertTrue(asked.size() >= 30, dimension + ": " + asked.size() + " items"));
        // the bank lists every question once before it repeats one with another answer variant
        int pool = WorldText.standard().dimensions().get(0).questions().query().size();
        items.forEach((dimension, asked) -> assertEquals(Math.min(asked.size(), pool),
                asked.stream().map(key -> key.substring(0, key.indexOf('\u0000'))).distinct().count(), dimension + " questions"));
        assertTrue(defaults.everyOptionCorrectForSomeUser());
    }

    /**
     * No preference turn of {@code generated} holds a frame or phrase of the other wording, or a question or
     * answer of a pool its role does not use; every choice offered comes from the role's history pool.
     */
    private static void assertUsesOnlyItsOwnText(SyntheticWorld generated) {
        WorldText text = WorldText.standard();
        WorldRole role = generated.role();
        Wording other = role.wording() == Wording.PRETRAINING ? Wording.EVALUATION : Wording.PRETRAINING;
        Set<String> foreign = new HashSet<>();
        Set<String> ownChoices = new HashSet<>();
        for (WorldText.DimensionText dimension : text.dimensions()) {
            ownChoices.addAll(dimension.questions().get(role.choices()));
            for (ItemPool pool : ItemPool.values()) {
                if (pool != role.choices() && pool != role.queries()) {
                    foreign.addAll(dimension.questions().get(pool));
                }
            }
            for (WorldText.OptionText option : dimension.options()) {
                foreign.addAll(option.phrases().get(other));
                for (ItemPool pool : ItemPool.values()) {
                    if (pool != role.choices() && pool != role.queries()) {
                        foreign.addAll(option.answers().get(pool));
                    }
                }
            }
        }
        List<Pattern> frames = new ArrayList<>();
        for (FrameKind kind : FrameKind.values()) {
            frames.addAll(WorldChecks.framePatterns(kind, other));
        }
        Set<String> filler = new HashSet<>();
        text.filler().get(other).forEach(pair -> {
            filler.add(pair.user());
            filler.add(pair.assistant());
        });
        for (UserData user : generated.dataset().users()) {
            for (Turn turn : user.history()) {
                if (turn.label().kind() == TurnKind.FILLER) {
                    assertFalse(filler.contains(turn.text()), () -> other + " filler in " + role + ": " + turn.text());
                    continue;
                }
                for (String wording : foreign) {
                    assertFalse(turn.text().contains(wording), () -> "foreign text '" + wording + "' in " + role + ": " + turn.text());
                }
                turn.choice().ifPresent(choice -> assertTrue(ownChoices.contains(choice.question()), choice::question));
                for (Pattern frame : frames) {
                    assertFalse(frame.matcher(turn.text()).matches(), () -> other + " frame " + frame + " in " + turn.text());
                }
            }
            for (Query query : user.queries()) {
                assertFalse(foreign.contains(query.question()), query.question());
                assertFalse(ownChoices.contains(query.question()), query.question());
            }
        }
    }

    @Test
    void eachChangeIsProbedAtIncreasingDistancesWhileItHolds() {
        int probed = 0;
        for (UserData user : world.dataset().users()) {
            for (int c = 0; c < user.history().size(); c++) {
                Turn change = user.history().get(c);
                if (change.label().kind() != TurnKind.CHANGE) {
                    continue;
                }
                int end = holdsUntil(user.history(), c);
                for (int distance : CONFIG.adaptationDistances()) {
                    int visible = c + 1 + distance;
                    if (visible > end) {
                        continue;
                    }
                    boolean asked = user.queries().stream().anyMatch(q -> q.visibleTurns() == visible
                            && q.dimension().equals(change.label().dimension())
                            && q.evidenceTurnIds().get(0).equals(change.turnId()));
                    assertTrue(asked, user.userId() + ": no probe " + distance + " turns after " + change.turnId());
                    probed++;
                }
            }
        }
        assertTrue(probed > 100, "probes: " + probed);
    }

    /** The history length up to which the change at {@code c} holds (the next change or deletion of it). */
    private static int holdsUntil(List<Turn> history, int c) {
        String dimension = history.get(c).label().dimension();
        for (int i = c + 1; i < history.size(); i++) {
            TurnKind kind = history.get(i).label().kind();
            if (history.get(i).label().dimension().equals(dimension) && (kind == TurnKind.CHANGE || kind == TurnKind.DELETION)) {
                return i;
            }
        }
        return history.size();
    }

    @Test
    void usersGetEndOfHistoryQueriesOnEveryActiveDimension() {
        int withQueries = 0;
        for (UserData user : world.dataset().users()) {
            WorldChecks.Replay replay = new WorldChecks.Replay();
            user.history().forEach(replay::apply);
            List<Query> last = user.queries().stream().filter(q -> q.visibleTurns() == user.history().size()).toList();
            Set<String> dimensions = new HashSet<>();
            last.forEach(q -> dimensions.add(q.dimension()));
            assertEquals(replay.active.keySet(), dimensions, user.userId());
            if (!replay.active.isEmpty()) {
                withQueries++;
                assertTrue(last.size() >= CONFIG.queriesPerUser(), user.userId());
            }
        }
        assertTrue(withQueries > world.dataset().users().size() * 9 / 10, "users with final queries: " + withQueries);
    }

    @Test
    void historiesHaveEveryKindOfEventInOrder() {
        Map<TurnKind, Integer> kinds = new HashMap<>();
        for (UserData user : world.dataset().users()) {
            Set<String> ids = new HashSet<>();
            long previous = Long.MIN_VALUE;
            for (Turn turn : user.history()) {
                assertTrue(ids.add(turn.turnId()));
                assertTrue(turn.timestamp() > previous);
                previous = turn.timestamp();
                kinds.merge(turn.label().kind(), 1, Integer::sum);
            }
        }
        for (TurnKind kind : List.of(TurnKind.STATEMENT, TurnKind.CHANGE, TurnKind.DELETION, TurnKind.IMPLICIT_CHOICE,
                TurnKind.IMPLICIT_FEEDBACK, TurnKind.FILLER)) {
            assertTrue(kinds.getOrDefault(kind, 0) > 0, kind.toString());
        }
    }

    @Test
    void manifestHoldsConfigCountsSplitAndHash() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(new String(
                org.adaptbench.datasets.jsonl.JsonlDatasetWriter.prettyJson(world.manifest()), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("synthetic", manifest.get("kind").asText());
        assertEquals(42, manifest.get("seed").asLong());
        assertEquals(300, manifest.get("config").get("users").asInt());
        assertEquals(world.dataset().queryCount(), manifest.get("counts").get("queries").asInt());
        assertEquals(world.dataset().contentHash(), manifest.get("content_hash").asText());
        JsonNode split = manifest.get("template_split");
        for (FrameKind kind : FrameKind.values()) {
            for (Wording wording : Wording.values()) {
                String name = wording.name().toLowerCase(java.util.Locale.US);
                assertEquals(WorldText.standard().frames().get(kind).get(wording).size(),
                        split.get("wordings").get(name).get("frames").get(kind.wireName()).size(), name + " " + kind);
            }
        }
        for (ItemPool pool : ItemPool.values()) {
            assertEquals(WorldText.standard().dimensions().get(0).questions().get(pool).size(),
                    split.get("pools").get(pool.wireName()).get("verbosity").get("questions").size(), pool.toString());
        }
        assertEquals("query", split.get("roles").get("evaluation").get("query_pool").asText());
        assertEquals("validation_query", split.get("roles").get("validation").get("query_pool").asText());
        assertEquals("pretraining", split.get("roles").get("domain").get("wording").asText());
        assertEquals("zipf", manifest.get("config").get("popularity").get("kind").asText());
        assertEquals(1.0, manifest.get("config").get("popularity").get("exponent").asDouble());
        assertEquals("evaluation", manifest.get("config").get("role").asText());
        assertEquals(6, manifest.get("dimensions").size());
    }

    @Test
    void catalogueNamesEveryDimensionWithDescribedOptions() {
        DimensionCatalogue catalogue = DimensionCatalogue.standard();
        assertTrue(catalogue.size() >= 6);
        for (Dimension dimension : catalogue.dimensions()) {
            assertFalse(dimension.description().isBlank());
            assertTrue(dimension.options().size() >= 4);
            for (int i = 0; i < dimension.options().size(); i++) {
                assertEquals(i + 1, dimension.options().get(i).popularityRank());
                assertFalse(dimension.options().get(i).description().isBlank());
            }
        }
        assertEquals(3, DimensionCatalogue.of(CONFIG.withDimensions(3)).size());
    }

    @Test
    void configRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withUsers(0));
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withDimensions(7));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(1, 1, 1, 1, 0.5, 0.7, 0.5, 0, 0, 1, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(1, 1, 1, 1, 0.5, 0, 0, 0, 0, 1, 1, List.of(3, 3)));
    }
}
