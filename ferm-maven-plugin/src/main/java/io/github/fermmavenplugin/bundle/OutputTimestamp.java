package io.github.fermmavenplugin.bundle;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads the time to stamp on archive entries the way maven-archiver reads
 * {@code project.build.outputTimestamp}, so that the bundle gets the same time as the build's jars:
 * <ul>
 * <li>not set (null, empty, or a single character that is not a digit, which a child pom uses to switch
 *     off an inherited value): {@code SOURCE_DATE_EPOCH} instead, read by the same rules, if it is set;
 *     otherwise none;</li>
 * <li>only ASCII digits: seconds since 1970-01-01T00:00:00Z;</li>
 * <li>anything else: an ISO-8601 date-time with offset ({@code 2024-05-01T10:15:30+02:00}), converted to
 *     UTC and truncated to whole seconds.</li>
 * </ul>
 * Unlike maven-archiver, an empty or blank {@code SOURCE_DATE_EPOCH} counts as not set, and digits must be
 * ASCII.
 */
public final class OutputTimestamp {

    /**
     * The entry time to use when no timestamp is configured: 1980-01-01T00:00:02Z, the earliest time
     * maven-archiver accepts for reproducible archives. Zip (DOS) timestamps start in 1980 and count in
     * two-second steps, so this instant is exact in every archive format the build may produce.
     */
    public static final Instant FALLBACK = Instant.parse("1980-01-01T00:00:02Z");

    private OutputTimestamp() {
    }

    /**
     * @param configured the value of {@code outputTimestamp} ({@code ${project.build.outputTimestamp}}), may be null
     * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} environment variable, may be null
     * @return the entry time, or empty when neither is set (callers then use {@link #FALLBACK})
     * @throws IllegalArgumentException if the value in use is neither epoch seconds nor an ISO-8601
     *     date-time with offset, or is outside the range a tar header holds; the message names the value and the accepted forms
     */
    public static Optional<Instant> resolve(String configured, String sourceDateEpoch) {
        if (isSet(configured)) {
            return Optional.of(parse(configured, "outputTimestamp"));
        }
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            return Optional.of(parse(sourceDateEpoch.strip(), "SOURCE_DATE_EPOCH"));
        }
        return Optional.empty();
    }

    private static boolean isSet(String configured) {
        return configured != null && !configured.isEmpty() && !(configured.length() == 1 && !isAsciiDigits(configured));
    }

    private static Instant parse(String value, String source) {
        Instant instant = parseAnyInstant(value, source);
        if (!BundleArchive.fitsTarHeader(instant)) {
            throw invalid(value, source, "it is outside what a tar header holds (" + BundleArchive.TAR_TIME_RANGE + ")");
        }
        return instant;
    }

    private static Instant parseAnyInstant(String value, String source) {
        if (isAsciiDigits(value)) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(value));
            } catch (NumberFormatException | DateTimeException tooLarge) {
                throw invalid(value, source, "it is too large for seconds since 1970");
            }
        }
        try {
            return OffsetDateTime.parse(value)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toInstant();
        } catch (DateTimeParseException notIso) {
            throw invalid(value, source, "it is neither seconds since 1970 nor an ISO-8601 date-time with offset");
        }
    }

    private static IllegalArgumentException invalid(String value, String source, String reason) {
        return new IllegalArgumentException(source + " '" + value + "' is invalid: " + reason
                + "; use e.g. 1714551330 or 2024-05-01T08:15:30Z, or leave it unset");
    }

    private static boolean isAsciiDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
