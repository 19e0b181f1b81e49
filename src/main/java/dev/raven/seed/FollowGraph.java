package dev.raven.seed;

import java.util.SplittableRandom;

/**
 * A skewed follow graph: a few accounts with many followers, most with few. One user in
 * ten follows 50 to 500 accounts (the heavy timelines benchmarks read); the rest 5 to 50.
 * Users are 1..n; popular accounts are the low ids.
 */
final class FollowGraph {
    /** followees[u] = the users u follows, distinct and never u itself. */
    final int[][] followees;
    final int[] followers;

    private FollowGraph(int[][] followees, int[] followers) {
        this.followees = followees;
        this.followers = followers;
    }

    static FollowGraph generate(int users, SplittableRandom random) {
        int[][] followees = new int[users + 1][];
        int[] followers = new int[users + 1];
        for (int u = 1; u <= users; u++) {
            int wanted = random.nextDouble() < 0.1 ? 50 + random.nextInt(451) : 5 + random.nextInt(46);
            int count = Math.min(wanted, users - 1);
            java.util.HashSet<Integer> chosen = new java.util.HashSet<>(count * 2);
            while (chosen.size() < count) {
                int v = Skew.pick(users, 2.5, random);
                if (v != u) {
                    chosen.add(v);
                }
            }
            int[] list = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
            followees[u] = list;
            for (int v : list) {
                followers[v]++;
            }
        }
        return new FollowGraph(followees, followers);
    }

    int following(int user) {
        return followees[user].length;
    }
}
