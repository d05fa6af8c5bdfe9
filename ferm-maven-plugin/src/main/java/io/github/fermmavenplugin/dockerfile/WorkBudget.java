package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidValueException;

/**
 * The work one Dockerfile may cost us: characters the expansions produce and steps the wildcard patterns take,
 * counted together. Far above what any real Dockerfile needs, far below a build that seems to hang; whatever
 * crosses it is refused at the instruction that did.
 */
final class WorkBudget {

    /** Steps one read may take: a real Dockerfile needs a few thousand, a 1 MiB one a few million. */
    static final long DEFAULT_STEPS = 50_000_000L;

    private final long limit;
    private long spent;

    WorkBudget(long limit) {
        this.limit = limit;
    }

    static WorkBudget standard() {
        return new WorkBudget(DEFAULT_STEPS);
    }

    /**
     * @param what the work, for the message ("the pattern takes too long to match a value this long")
     * @throws InvalidValueException when the steps cross the budget
     */
    void spend(long steps, String what) {
        spent += steps;
        if (spent > limit) {
            throw new InvalidValueException(what + " (more than " + limit + " steps for this Dockerfile)",
                    "Use shorter values or simpler patterns: no real Dockerfile needs this much work.");
        }
    }

    /** The steps spent so far, for tests that bound work instead of time. */
    long spent() {
        return spent;
    }
}
