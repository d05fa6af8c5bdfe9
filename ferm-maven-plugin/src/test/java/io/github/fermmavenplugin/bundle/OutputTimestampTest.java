package io.github.fermmavenplugin.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputTimestampTest {

    @ParameterizedTest(name = "outputTimestamp={0}, SOURCE_DATE_EPOCH={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        // not set, and no SOURCE_DATE_EPOCH
        "null,                          null,       null",
        "'',                            null,       null",
        "a,                             null,       null",
        "' ',                           null,       null",
        "null,                          '',         null",
        "null,                          '  ',       null",
        // all digits: seconds since 1970, even a single one
        "1,                             null,       1970-01-01T00:00:01Z",
        "0,                             null,       1970-01-01T00:00:00Z",
        "1714551330,                    null,       2024-05-01T08:15:30Z",
        "0001714551330,                 null,       2024-05-01T08:15:30Z",
        // ISO-8601 with offset: to UTC, truncated to seconds
        "2024-05-01T08:15:30Z,          null,       2024-05-01T08:15:30Z",
        "2024-05-01T10:15:30+02:00,     null,       2024-05-01T08:15:30Z",
        "2024-04-30T22:15:30-10:00,     null,       2024-05-01T08:15:30Z",
        "2024-05-01T08:15:30.999Z,      null,       2024-05-01T08:15:30Z",
        "2024-05-01T08:15:30.123456+00:00, null,    2024-05-01T08:15:30Z",
        // not set: SOURCE_DATE_EPOCH decides, by the same rules
        "null,                          1714551330, 2024-05-01T08:15:30Z",
        "'',                            1714551330, 2024-05-01T08:15:30Z",
        "a,                             1714551330, 2024-05-01T08:15:30Z",
        "null,                          ' 1714551330\n', 2024-05-01T08:15:30Z",
        "null,                          2024-05-01T10:15:30+02:00, 2024-05-01T08:15:30Z",
        // set: SOURCE_DATE_EPOCH is ignored
        "1,                             1714551330, 1970-01-01T00:00:01Z",
        "2000-01-01T00:00:00Z,          1714551330, 2000-01-01T00:00:00Z",
    })
    void resolvesLikeMavenArchiver(String configured, String sourceDateEpoch, String expected) {
        Optional<Instant> expectedInstant = Optional.ofNullable(expected).map(Instant::parse);

        assertThat(OutputTimestamp.resolve(configured, sourceDateEpoch)).isEqualTo(expectedInstant);
    }

    @ParameterizedTest(name = "outputTimestamp={0}, SOURCE_DATE_EPOCH={1}")
    @CsvSource(nullValues = "null", value = {
        "garbage,                 null,    outputTimestamp 'garbage'",
        "2024-05-01,              null,    outputTimestamp '2024-05-01'",
        "2024-05-01T08:15:30,     null,    outputTimestamp '2024-05-01T08:15:30'",
        "'2024-05-01 08:15:30Z',  null,    outputTimestamp '2024-05-01 08:15:30Z'",
        "-1714551330,             null,    outputTimestamp '-1714551330'",
        "' 1714551330',           null,    outputTimestamp ' 1714551330'",
        "'١٢٣',                   null,    outputTimestamp '١٢٣'",
        "99999999999999999999,    null,    it is too large",
        "null,                    garbage, SOURCE_DATE_EPOCH 'garbage'",
        "a,                       '1.5',   SOURCE_DATE_EPOCH '1.5'",
    })
    void rejectsWhatIsNeitherEpochSecondsNorIsoWithOffset(String configured, String sourceDateEpoch,
            String messagePart) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutputTimestamp.resolve(configured, sourceDateEpoch))
                .withMessageContaining(messagePart)
                .withMessageContaining("2024-05-01T08:15:30Z");
    }

    @Test
    void theFallbackIsTheFirstInstantThatEveryArchiveFormatHolds() {
        assertThat(OutputTimestamp.FALLBACK).isEqualTo(Instant.parse("1980-01-01T00:00:02Z"));
    }
}
