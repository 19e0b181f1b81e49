package dev.raven.seed;

import java.util.SplittableRandom;

/** Picks ids from 1..n with low ids more likely: the power law of who gets attention. */
final class Skew {
    private Skew() {
    }

    /** exponent 1 is uniform; larger exponents favour low ids more strongly. */
    static int pick(int n, double exponent, SplittableRandom random) {
        return 1 + (int) (n * Math.pow(random.nextDouble(), exponent));
    }

    /** A small count, usually 0 or 1, now and then up to {@code max}: reactions per tweet. */
    static int count(int max, double exponent, SplittableRandom random) {
        return (int) (max * Math.pow(random.nextDouble(), exponent));
    }
}
