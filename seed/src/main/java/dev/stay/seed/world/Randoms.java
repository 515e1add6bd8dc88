package dev.stay.seed.world;

import java.util.List;
import java.util.Random;

/**
 * Seeded draws. Every hotel and every block of hotels has a {@link Random} of its own, derived from the world's seed
 * and its number, so hotel {@code n} is the same whatever else is generated and in whatever order. {@link Random}
 * rather than a faster generator because its algorithm is part of its specification: the same seed gives the same
 * world on every JDK. The same goes for {@link StrictMath} in the generator's arithmetic.
 */
final class Randoms {

    private Randoms() {
    }

    /** The generator of item {@code index} of a stream of draws (hotels, blocks) of the world seeded with {@code seed}. */
    static Random of(long seed, String stream, long index) {
        return new Random(mix(seed ^ mix(stream.hashCode() * 0x9E3779B97F4A7C15L + index)));
    }

    /** SplitMix64's finaliser: neighbouring numbers give unrelated seeds, which {@link Random} needs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** An index drawn with the given relative weights. */
    static int weighted(Random random, double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Skewed to the right like hotel sizes and prices: half the draws below {@code median}, a long tail above. */
    static double logNormal(Random random, double median, double sigma) {
        return median * StrictMath.exp(sigma * random.nextGaussian());
    }
}
