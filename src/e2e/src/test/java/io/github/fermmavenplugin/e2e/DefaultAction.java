package io.github.fermmavenplugin.e2e;

/** The descriptor's {@code defaults.action}: what other external traffic to the containers meets. */
enum DefaultAction {
    DROP("DROP", Outcome.TIMEOUT),
    REJECT("REJECT", Outcome.REFUSED);

    private final String fermTarget;
    private final Outcome seenByClient;

    DefaultAction(String fermTarget, Outcome seenByClient) {
        this.fermTarget = fermTarget;
        this.seenByClient = seenByClient;
    }

    String fermTarget() {
        return fermTarget;
    }

    /** What a client sees when this action stops it. */
    Outcome seenByClient() {
        return seenByClient;
    }
}
