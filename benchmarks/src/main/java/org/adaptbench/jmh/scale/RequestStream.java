package org.adaptbench.jmh.scale;

import java.util.SplittableRandom;

/**
 * Which user sends each request: uniform over N, seeded. Uniform access is the hard case for any
 * cache (an LRU of K entries then hits K/N of the time); real traffic is skewed and caches better.
 */
final class RequestStream {

    private final SplittableRandom random;
    private final int users;

    RequestStream(long seed, int users) {
        this.random = new SplittableRandom(seed * 1_000_003L + users);
        this.users = users;
    }

    /** The next request's user index in [0, N). */
    int nextUser() {
        return random.nextInt(users);
    }

    /** Which of the template user's requests the user sends, in [0, count). */
    int nextRequest(int count) {
        return random.nextInt(count);
    }
}
