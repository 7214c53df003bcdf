package org.adaptbench.datasets.seed;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed: each purpose and index ("user", 17) gets its
 * own stream, so user 17 is the same whether 20 or 2,000 users are generated, and PrefEval item 5
 * is shuffled the same whatever filters are applied.
 */
public final class Seeds {

    private Seeds() {
    }

    public static SplittableRandom random(long seed, String purpose, long index) {
        long h = mix(seed);
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h ^ purpose.charAt(i));
        }
        return new SplittableRandom(mix(h ^ mix(index)));
    }

    /**
     * A seed for {@code purpose} under {@code seed}; the purpose names what it is for and whom
     * ("adapter/u00017"), so every consumer of randomness in a run gets its own reproducible stream.
     */
    public static long derive(long seed, String purpose) {
        return random(seed, purpose, 0).nextLong();
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** SplitMix64's finaliser: a bijection that scatters nearby inputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
