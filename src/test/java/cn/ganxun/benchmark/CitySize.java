package cn.ganxun.benchmark;

/**
 * How big a generated city is: its own units and cadres (added beside the demo city, whose logins the benchmark
 * uses), the closed classes of its history and their seats, and the classes that ended in the last weeks and are in
 * their follow-up (live work in the engine: one learning-summary task and two timers per trainee, the seminar, the
 * sample review).
 */
record CitySize(int units, int cadres, int historyClasses, int liveClasses, int seatsPerClass) {

    /** Issue 8's city: 300 units, 50,000 cadres, 1,000 classes × 60 seats in five years, ~50,000 open tasks, ~100,000 timers. */
    static final CitySize CITY = new CitySize(300, 50_000, 1_000, 810, 60);

    CitySize {
        if (units < 12 || cadres < units || historyClasses < 1 || liveClasses < 0 || seatsPerClass < 1
                || (long) liveClasses * seatsPerClass > cadres
                || (long) (historyClasses + liveClasses) * seatsPerClass > 3L * cadres) {
            // each cadre sits in at most one live class and at most three in all, years apart (R10)
            throw new IllegalArgumentException("a city of %d units and %d cadres cannot fill %d + %d classes of %d seats"
                    .formatted(units, cadres, historyClasses, liveClasses, seatsPerClass));
        }
    }

    int classes() {
        return historyClasses + liveClasses;
    }

    int enrollments() {
        return classes() * seatsPerClass;
    }
}
