package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.bundle.OutputTimestamp;
import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import java.time.Instant;

/**
 * How {@code ferm:bundle} writes and checks its bundle, parsed once from the build's parameters.
 *
 * @param entryTime the time of every archive entry
 */
public record BundleSettings(Instant entryTime, VerifyMode verify) {

    /**
     * @param outputTimestamp the {@code outputTimestamp} parameter, may be null
     * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} environment variable, may be null
     * @throws InvalidInputException for a timestamp that is not one or not in a tar header's range, or an
     *     unknown verify mode
     */
    public static BundleSettings parse(String outputTimestamp, String sourceDateEpoch, String verify) {
        Instant entryTime;
        try {
            entryTime = OutputTimestamp.resolve(outputTimestamp, sourceDateEpoch).orElse(OutputTimestamp.FALLBACK);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), "");
        }
        return new BundleSettings(entryTime, VerifyMode.parse(verify));
    }
}
