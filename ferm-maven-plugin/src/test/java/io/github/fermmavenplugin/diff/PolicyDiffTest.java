package io.github.fermmavenplugin.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fermmavenplugin.bundle.Grant;
import io.github.fermmavenplugin.net.Cidr;
import io.github.fermmavenplugin.net.PortRange;
import io.github.fermmavenplugin.net.Protocol;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyDiffTest {

    /**
     * "DOCKER-USER 80/tcp 10.0.0.0/8", "INPUT 22/tcp 0.0.0.0/0", "DOCKER-USER published 8443/tcp ::/0",
     * "DOCKER-USER routed 443/tcp ::/0".
     */
    private static Grant grant(String text) {
        String[] words = text.split(" ");
        boolean published = words[1].equals("published");
        boolean routed = words[1].equals("routed");
        int kind = published || routed ? 1 : 0;
        String port = words[1 + kind];
        String[] numbers = port.substring(0, port.indexOf('/')).split("-");
        PortRange range = new PortRange(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[numbers.length - 1]));
        return new Grant("svc", "rule", words[0], published, routed,
                new ServicePort(range, Protocol.parse(port.substring(port.indexOf('/') + 1)).orElseThrow()),
                Cidr.parse(words[2 + kind]));
    }

    private static List<Grant> grants(String... texts) {
        return Arrays.stream(texts).map(PolicyDiffTest::grant).toList();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // previous, current, opens, closes
                Arguments.of(grants("DOCKER-USER 80/tcp 10.0.0.0/8"), grants("DOCKER-USER 80/tcp 10.0.0.0/8"),
                        grants(), grants()),
                Arguments.of(grants(), grants("DOCKER-USER 80/tcp 10.0.0.0/8"),
                        grants("DOCKER-USER 80/tcp 10.0.0.0/8"), grants()),
                Arguments.of(grants("DOCKER-USER 80/tcp 10.1.0.0/16"), grants("DOCKER-USER 80/tcp 10.0.0.0/8"),
                        grants("DOCKER-USER 80/tcp 10.0.0.0/8"), grants()),
                Arguments.of(grants("DOCKER-USER 80/tcp 10.0.0.0/8"), grants("DOCKER-USER 80/tcp 10.1.0.0/16"),
                        grants(), grants("DOCKER-USER 80/tcp 10.0.0.0/8")),
                Arguments.of(grants("DOCKER-USER 80/tcp 10.0.0.0/8"), grants("DOCKER-USER 80/udp 10.0.0.0/8"),
                        grants("DOCKER-USER 80/udp 10.0.0.0/8"), grants("DOCKER-USER 80/tcp 10.0.0.0/8")),
                Arguments.of(grants("DOCKER-USER 80/tcp 0.0.0.0/0"), grants("DOCKER-USER 80/tcp 0.0.0.0/0",
                        "DOCKER-USER 80/tcp ::/0"), grants("DOCKER-USER 80/tcp ::/0"), grants()),
                Arguments.of(grants("DOCKER-USER 8000-8010/tcp 10.0.0.0/8"), grants("DOCKER-USER 8005/tcp 10.0.0.0/8"),
                        grants(), grants("DOCKER-USER 8000-8010/tcp 10.0.0.0/8")),
                Arguments.of(grants("DOCKER-USER 22/tcp 10.0.0.0/8"), grants("INPUT 22/tcp 10.0.0.0/8"),
                        grants("INPUT 22/tcp 10.0.0.0/8"), grants("DOCKER-USER 22/tcp 10.0.0.0/8")),
                Arguments.of(grants("DOCKER-USER 443/tcp 0.0.0.0/0"), grants("DOCKER-USER published 443/tcp 0.0.0.0/0"),
                        grants("DOCKER-USER published 443/tcp 0.0.0.0/0"), grants("DOCKER-USER 443/tcp 0.0.0.0/0")),
                // A network made routed: its clients reach the container port directly, beyond Docker's DNAT.
                Arguments.of(grants("DOCKER-USER 443/tcp ::/0"), grants("DOCKER-USER routed 443/tcp ::/0"),
                        grants("DOCKER-USER routed 443/tcp ::/0"), grants("DOCKER-USER 443/tcp ::/0")));
    }

    @ParameterizedTest(name = "{0} -> {1}: opens {2}, closes {3}")
    @MethodSource("cases")
    void reportsWhatOpensAndWhatCloses(List<Grant> previous, List<Grant> current, List<Grant> opens, List<Grant> closes) {
        PolicyDiff diff = PolicyDiff.between(previous, current);
        assertThat(diff.opens()).isEqualTo(opens);
        assertThat(diff.closes()).isEqualTo(closes);
    }

    @ParameterizedTest(name = "acknowledged {0}")
    @MethodSource("acknowledgements")
    void anAcknowledgedOpeningNoLongerCounts(Set<String> acknowledged, int left) {
        PolicyDiff diff = PolicyDiff.between(grants(), grants("DOCKER-USER 80/tcp 10.0.0.0/8", "INPUT 22/tcp 10.0.0.0/8"));
        assertThat(diff.unacknowledgedOpens(acknowledged)).hasSize(left);
    }

    static Stream<Arguments> acknowledgements() {
        return Stream.of(
                Arguments.of(Set.of(), 2),
                Arguments.of(Set.of("svc DOCKER-USER 80/tcp from 10.0.0.0/8"), 1),
                Arguments.of(Set.of("svc DOCKER-USER 80/tcp from 10.0.0.0/8", "svc INPUT 22/tcp from 10.0.0.0/8"), 0),
                Arguments.of(Set.of("svc DOCKER-USER 80/tcp from 10.0.0.0/16"), 2));
    }
}
