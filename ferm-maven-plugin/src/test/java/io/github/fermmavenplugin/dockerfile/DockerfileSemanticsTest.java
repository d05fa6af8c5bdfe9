package io.github.fermmavenplugin.dockerfile;

import static io.github.fermmavenplugin.dockerfile.DockerfileCase.exposes;
import static io.github.fermmavenplugin.dockerfile.DockerfileCase.fails;
import static io.github.fermmavenplugin.dockerfile.DockerfileCase.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of Dockerfile semantics we match with BuildKit. Each row names what it pins; rows marked
 * "BuildKit surprise" are where BuildKit's behaviour is not what the Dockerfile reference suggests at first
 * reading, and rows marked "ours" are where we are deliberately stricter than BuildKit.
 */
class DockerfileSemanticsTest {

    private static final Path DOCKERFILE = Path.of("service", "Dockerfile");

    @ParameterizedTest(name = "{0}")
    @MethodSource({"instructionsAndLines", "stages", "argsAndEnv", "expansion", "expose", "labels",
            "directivesAndHeredocs", "malformed"})
    void readsAsBuildKitDoes(DockerfileCase row) {
        UserFile file = new UserFile(DOCKERFILE, row.dockerfile(), "0".repeat(64));
        BuildOptions options = new BuildOptions(row.target(), row.buildArgs());
        if (row.expectedPorts().isPresent()) {
            ImageMetadata metadata = DockerfileReader.read(file, options);
            assertThat(metadata.ports()).map(Object::toString).containsExactlyElementsOf(row.expectedPortList());
            assertThat(metadata.labels()).containsAllEntriesOf(row.expectedLabels());
            row.expectedStage().ifPresent(stage -> assertThat(metadata.stage()).isEqualTo(stage));
        } else {
            assertThatThrownBy(() -> DockerfileReader.read(file, options))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(thrown -> {
                        InvalidInputException error = (InvalidInputException) thrown;
                        assertThat(error.position().file()).isEqualTo(DOCKERFILE);
                        assertThat(error.position().line()).isEqualTo(row.errorLine());
                        assertThat(error.problem()).contains(row.errorFragment());
                        assertThat(error.remedy()).isNotBlank().endsWith(".");
                        assertThat(error.problem()).doesNotEndWith(".");
                    });
        }
    }

    @Test
    void refusesUnequalHostAndContainerRangesAtTheWordSayingWhatToWrite() {
        String text = lines("FROM alpine", "EXPOSE 80 \\", "   8000-8001:9000-9005/udp");
        UserFile file = new UserFile(DOCKERFILE, text, "0".repeat(64));
        assertThatThrownBy(() -> DockerfileReader.read(file, BuildOptions.DEFAULT))
                .isInstanceOfSatisfying(InvalidInputException.class, error -> {
                    assertThat(error.position()).isEqualTo(new SourcePosition(DOCKERFILE, 3, 4));
                    assertThat(error.problem()).contains("'8000-8001:9000-9005/udp'", "different lengths");
                    assertThat(error.remedy()).contains("'EXPOSE 9000-9005/udp'");
                });
    }

    @Test
    void refusesABadHostAddressAtTheWordSayingWhatToWrite() {
        String text = lines("FROM alpine", "EXPOSE 80 my-host:8080:80/tcp");
        UserFile file = new UserFile(DOCKERFILE, text, "0".repeat(64));
        assertThatThrownBy(() -> DockerfileReader.read(file, BuildOptions.DEFAULT))
                .isInstanceOfSatisfying(InvalidInputException.class, error -> {
                    assertThat(error.position()).isEqualTo(new SourcePosition(DOCKERFILE, 2, 11));
                    assertThat(error.remedy()).contains("'EXPOSE 80/tcp'", "[::1]");
                });
    }

    static Stream<DockerfileCase> instructionsAndLines() {
        return Stream.of(
                exposes("a single EXPOSE port is tcp", lines("FROM alpine", "EXPOSE 80"), "80/tcp"),
                exposes("keywords are case-insensitive", lines("from alpine", "expose 80"), "80/tcp"),
                exposes("mixed-case keywords too", lines("fRoM alpine", "Expose 80"), "80/tcp"),
                exposes("comment lines are skipped", lines("# EXPOSE 9999", "FROM alpine", "EXPOSE 80"), "80/tcp"),
                exposes("indented comment lines are skipped",
                        lines("FROM alpine", "    # EXPOSE 9999", "EXPOSE 80"), "80/tcp"),
                exposes("empty and blank lines are skipped",
                        lines("", "FROM alpine", "", "   ", "\t", "EXPOSE 80", ""), "80/tcp"),
                exposes("leading white space before a keyword is ignored", lines("  FROM alpine", "\tEXPOSE 80"),
                        "80/tcp"),
                exposes("tabs separate arguments", lines("FROM\talpine", "EXPOSE\t80\t443"), "80/tcp 443/tcp"),
                exposes("the escape character at the end of a line continues it",
                        lines("FROM alpine", "EXPOSE 80 \\", "  443"), "80/tcp 443/tcp"),
                exposes("white space after the continuation escape is allowed",
                        "FROM alpine\nEXPOSE 80 \\  \t\n  443\n", "80/tcp 443/tcp"),
                exposes("comment lines inside a continued instruction are skipped",
                        lines("FROM alpine", "EXPOSE 80 \\", "# EXPOSE 9999", "  # also a comment", "  443"),
                        "80/tcp 443/tcp"),
                exposes("BuildKit surprise: a blank line inside a continued instruction does not end it",
                        lines("FROM alpine", "EXPOSE 80 \\", "", "  443"), "80/tcp 443/tcp"),
                exposes("a continuation on the last line of the file just ends the instruction",
                        "FROM alpine\nEXPOSE 80 \\", "80/tcp"),
                exposes("continuation joins without a space: the next line's indentation separates words",
                        lines("FROM alpine", "EXPOSE 80\\", "80"), "8080/tcp"),
                fails("an escaped escape at the end of a line is no continuation: the next line is its own",
                        lines("FROM alpine", "EXPOSE 80\\\\", "EXPOSE 443"), 2, "not a port"),
                exposes("CRLF line endings", "FROM alpine\r\nEXPOSE 80 \\\r\n  443\r\nEXPOSE 53/udp\r\n",
                        "53/udp 80/tcp 443/tcp"),
                exposes("a UTF-8 byte order mark before the first line", "\uFEFFFROM alpine\nEXPOSE 80\n", "80/tcp"),
                exposes("JSON (exec) form of RUN and CMD is accepted",
                        lines("FROM alpine", "RUN [\"sh\", \"-c\", \"echo EXPOSE 9999\"]", "CMD [\"nginx\"]",
                                "EXPOSE 80"), "80/tcp"),
                exposes("a bracket that is not JSON is the shell form",
                        lines("FROM alpine", "RUN [ -f /etc/hosts ] && echo ok", "EXPOSE 80"), "80/tcp"),
                fails("the JSON form must list only strings", lines("FROM alpine", "CMD [\"run\", 8080]"), 2,
                        "only strings, not 8080"),
                fails("the JSON form names its first element that is not a string, as written",
                        lines("FROM alpine", "ENTRYPOINT [\"a\", {\"b\": [1, 2]}, true]"), 2,
                        "only strings, not {\"b\": [1, 2]}"),
                exposes("JSON with a trailing word is the shell form",
                        lines("FROM alpine", "CMD [\"a\"] x", "EXPOSE 80"), "80/tcp"),
                fails("SHELL has only the JSON form", lines("FROM alpine", "SHELL /bin/bash -c"), 2, "JSON form"),
                fails("BuildKit surprise: # after an instruction is no comment, it is an argument",
                        lines("FROM alpine", "EXPOSE 80 # web"), 2, "'#' is not a port"),
                exposes("BuildKit surprise: a continued RUN swallows the next line, even an EXPOSE",
                        lines("FROM alpine", "RUN echo hi \\", "# a comment", "EXPOSE 80"), ""),
                exposes("an empty target means the last stage", lines("FROM a AS one", "EXPOSE 1", "FROM b",
                        "EXPOSE 2"), "2/tcp").target(""),
                fails("an unknown instruction is an error", lines("FROM alpine", "EXPOSED 80"), 2,
                        "unknown instruction 'EXPOSED'"),
                fails("ONBUILD EXPOSE is for images built FROM this one, not for it: nothing exposed here",
                        lines("FROM alpine", "ONBUILD EXPOSE 80", "EXPOSE"), 3, "EXPOSE names no port"),
                exposes("a stage built FROM a stage runs its ONBUILD triggers, with what it inherits",
                        lines("FROM alpine AS base", "ONBUILD EXPOSE $PORT", "ENV PORT=81", "FROM base"), "81/tcp"),
                fails("ONBUILD triggers run before the child's own instructions",
                        lines("FROM alpine AS base", "ONBUILD EXPOSE $PORT", "FROM base", "ENV PORT=81"), 2,
                        "PORT not set"),
                exposes("ONBUILD triggers fire once: a grandchild does not run them again",
                        lines("FROM alpine AS base", "ONBUILD LABEL fired=yes", "ONBUILD EXPOSE 80", "FROM base AS mid",
                                "LABEL fired=no", "FROM mid"), "80/tcp").labels("fired=no"),
                fails("ONBUILD FROM is not allowed", lines("FROM alpine", "ONBUILD FROM alpine"), 2,
                        "not allowed as an ONBUILD trigger"));
    }

    static Stream<DockerfileCase> stages() {
        String twoStages = lines("FROM maven:3 AS build", "EXPOSE 5005", "FROM eclipse-temurin:21 AS runtime",
                "EXPOSE 8080");
        return Stream.of(
                exposes("the last stage is the default target", twoStages, "8080/tcp").stage("runtime"),
                exposes("target picks a named stage", twoStages, "5005/tcp").target("build").stage("build"),
                exposes("stage names are case-insensitive (BuildKit lowercases them)",
                        lines("FROM alpine AS Build", "EXPOSE 5005", "FROM alpine"), "5005/tcp").target("BUILD")
                        .stage("build"),
                fails("an unknown target is an error listing the stages", twoStages, 0,
                        "build (line 1), runtime (line 3)").target("test"),
                exposes("an unnamed last stage is reported by index", lines("FROM a AS one", "FROM b"), "").stage("1"),
                exposes("FROM an earlier stage inherits its EXPOSEd ports",
                        lines("FROM alpine AS base", "EXPOSE 80", "FROM base", "EXPOSE 443"), "80/tcp 443/tcp"),
                exposes("FROM an earlier stage inherits its ENV",
                        lines("FROM alpine AS base", "ENV PORT=8080", "FROM base", "EXPOSE $PORT"), "8080/tcp"),
                exposes("inheritance is transitive",
                        lines("FROM alpine AS a", "EXPOSE 1", "FROM a AS b", "EXPOSE 2", "FROM b", "EXPOSE 3"),
                        "1/tcp 2/tcp 3/tcp"),
                exposes("FROM refers to stages case-insensitively",
                        lines("FROM alpine AS base", "EXPOSE 80", "FROM BASE"), "80/tcp"),
                exposes("FROM an outside image starts with nothing exposed",
                        lines("FROM alpine AS base", "EXPOSE 80", "FROM nginx", "EXPOSE 443"), "443/tcp"),
                exposes("a stage the target is not built from does not matter, even when broken",
                        lines("FROM alpine AS tools", "EXPOSE nonsense", "FROM alpine", "EXPOSE 80"), "80/tcp"),
                exposes("FROM --platform is accepted",
                        lines("FROM --platform=$BUILDPLATFORM golang:1.22 AS build", "FROM alpine", "EXPOSE 80"),
                        "80/tcp"),
                exposes("a global ARG chooses the base stage",
                        lines("ARG BASE=dev", "FROM alpine AS dev", "EXPOSE 5005", "FROM alpine AS prod",
                                "FROM ${BASE}"), "5005/tcp"),
                exposes("a build arg overrides the global ARG that chooses the base",
                        lines("ARG BASE=dev", "FROM alpine AS dev", "EXPOSE 5005", "FROM alpine AS prod",
                                "EXPOSE 8080", "FROM ${BASE}"), "8080/tcp").args("BASE=prod"),
                fails("FROM whose image expands to nothing is an error naming the variable",
                        lines("FROM ${IMAGE}", "EXPOSE 80"), 1, "IMAGE"),
                fails("... also in a stage the target does not need: BuildKit expands every FROM",
                        lines("FROM ${IMAGE} AS unused", "FROM alpine", "EXPOSE 80"), 1, "IMAGE"),
                fails("instructions other than ARG before the first FROM are an error",
                        lines("EXPOSE 80", "FROM alpine"), 1, "before the first FROM"),
                fails("a Dockerfile with only ARGs has no stage", lines("ARG A=1"), 0, "no FROM"),
                fails("FROM takes one image and optionally AS name", lines("FROM alpine base"), 1, "FROM needs"),
                fails("a stage name must start with a letter", lines("FROM alpine AS 1st"), 1,
                        "not a valid stage name"),
                fails("a stage name may be used once", lines("FROM a AS x", "FROM b AS x"), 2, "used twice"),
                fails("FROM knows only --platform", lines("FROM --pull alpine"), 1, "--pull"));
    }

    static Stream<DockerfileCase> argsAndEnv() {
        return Stream.of(
                fails("a global ARG is not visible in a stage that does not redeclare it",
                        lines("ARG PORT=80", "FROM alpine", "EXPOSE $PORT"), 3, "PORT"),
                exposes("ARG NAME without value in a stage takes the global ARG's value",
                        lines("ARG PORT=80", "FROM alpine", "ARG PORT", "EXPOSE $PORT"), "80/tcp"),
                exposes("a build arg overrides a global ARG's default, seen through the redeclaration",
                        lines("ARG PORT=80", "FROM alpine", "ARG PORT", "EXPOSE $PORT"), "9090/tcp")
                        .args("PORT=9090"),
                exposes("a stage ARG's own default wins over the global default",
                        lines("ARG PORT=80", "FROM alpine", "ARG PORT=81", "EXPOSE $PORT"), "81/tcp"),
                exposes("a stage ARG default is used without build arg", lines("FROM alpine", "ARG PORT=8080",
                        "EXPOSE ${PORT}"), "8080/tcp"),
                exposes("a build arg overrides a stage ARG default", lines("FROM alpine", "ARG PORT=8080",
                        "EXPOSE ${PORT}"), "9000/tcp").args("PORT=9000"),
                fails("an ARG without default nor build arg is unset: EXPOSE becomes empty",
                        lines("FROM alpine", "ARG PORT", "EXPOSE $PORT"), 3, "PORT"),
                exposes("a build arg without matching ARG is not a variable",
                        lines("FROM alpine", "EXPOSE ${PORT:-80}"), "80/tcp").args("PORT=90"),
                exposes("an ARG default may use an earlier ARG",
                        lines("FROM alpine", "ARG BASE=80", "ARG PORT=${BASE}80", "EXPOSE $PORT"), "8080/tcp"),
                exposes("several ARGs on one line", lines("FROM alpine", "ARG A=80 B=443", "EXPOSE $A $B"),
                        "80/tcp 443/tcp"),
                exposes("unlike ENV, an ARG on the same line sees the ARGs before it (BuildKit declares them in turn)",
                        lines("FROM alpine", "ARG A=80 B=${A}80", "EXPOSE $B"), "8080/tcp"),
                exposes("a global ARG default may use a predefined platform ARG",
                        lines("ARG OS=$TARGETOS", "FROM alpine", "ARG OS", "LABEL os=$OS"), "").labels("os=linux"),
                exposes("predefined platform ARGs are available once declared (we build linux/amd64)",
                        lines("FROM alpine", "ARG TARGETPLATFORM", "ARG TARGETARCH", "ARG BUILDOS",
                                "LABEL p=$TARGETPLATFORM a=$TARGETARCH b=$BUILDOS"), "")
                        .labels("p=linux/amd64", "a=amd64", "b=linux"),
                exposes("predefined platform ARGs are not visible without declaration",
                        lines("FROM alpine", "LABEL a=\"[$TARGETARCH]\""), "").labels("a=[]"),
                exposes("ENV name=value", lines("FROM alpine", "ENV PORT=8080", "EXPOSE $PORT"), "8080/tcp"),
                exposes("ENV name value (old form)", lines("FROM alpine", "ENV PORT 8080", "EXPOSE $PORT"), "8080/tcp"),
                exposes("ENV pairs on one line see the values from before the line",
                        lines("FROM alpine", "ENV P=81", "ENV P=80 Q=$P", "EXPOSE $Q"), "81/tcp"),
                exposes("ENV overrides an ARG of the same name from its line on",
                        lines("FROM alpine", "ARG P=80", "EXPOSE $P", "ENV P=81", "EXPOSE $P"), "80/tcp 81/tcp"),
                exposes("ENV overrides even a build arg for the ARG of the same name",
                        lines("FROM alpine", "ARG P", "ENV P=81", "EXPOSE $P"), "81/tcp").args("P=90"),
                exposes("BuildKit surprise: an ARG with a value declared after ENV wins over it",
                        lines("FROM alpine", "ENV P=81", "ARG P=82", "EXPOSE $P"), "82/tcp"),
                exposes("an ARG without value declared after ENV leaves the ENV value",
                        lines("FROM alpine", "ENV P=81", "ARG P", "EXPOSE $P"), "81/tcp"),
                exposes("BuildKit surprise: ... unless a build arg gives it one, which then wins over the ENV",
                        lines("FROM alpine", "ENV P=81", "ARG P", "EXPOSE $P"), "90/tcp").args("P=90"),
                exposes("BuildKit surprise: ARGs of a stage are inherited by a stage built FROM it",
                        lines("FROM alpine AS base", "ARG P=80", "FROM base", "EXPOSE $P"), "80/tcp"),
                // BuildKit's convert.go: a child stage takes its parent's variables (ARG values included), then
                // dispatchStages sets every ENV of the parent's image config over them again before the first
                // instruction (and before ONBUILD triggers). An ARG that beat an ENV in the parent loses in the child.
                exposes("in the parent stage itself the later ARG still wins over the ENV",
                        lines("FROM alpine AS base", "ENV P=1", "ARG P=2", "EXPOSE $P", "FROM base"), "2/tcp")
                        .target("base"),
                exposes("BuildKit surprise: a stage built FROM another sets its ENV again over the ARG that won there",
                        lines("FROM alpine AS base", "ENV P=1", "ARG P=2", "FROM base", "EXPOSE $P"), "1/tcp"),
                exposes("BuildKit surprise: ... also over a build arg that won there",
                        lines("FROM alpine AS base", "ENV P=1", "ARG P", "LABEL parent=$P", "FROM base",
                                "LABEL child=$P"), "").args("P=9").labels("parent=9", "child=1"),
                exposes("BuildKit surprise: ... before the parent's ONBUILD triggers run",
                        lines("FROM alpine AS base", "ENV P=1", "ARG P=2", "ONBUILD EXPOSE $P", "FROM base"),
                        "1/tcp"),
                exposes("BuildKit surprise: ... again at every FROM down the chain, the ENV outliving later ARGs",
                        lines("FROM alpine AS base", "ENV P=1", "FROM base AS mid", "ARG P=2", "LABEL mid=$P",
                                "FROM mid", "LABEL last=$P"), "").labels("mid=2", "last=1"),
                exposes("the child's own ARG after the FROM wins over the inherited ENV as in any stage",
                        lines("FROM alpine AS base", "ENV P=1", "FROM base", "ARG P=3", "EXPOSE $P"), "3/tcp"),
                exposes("ENV built from ARG keeps the build arg", lines("FROM alpine", "ARG V=1", "ENV PORT=808$V",
                        "EXPOSE $PORT"), "8082/tcp").args("V=2"),
                exposes("a quoted ARG default", lines("FROM alpine", "ARG P=\"80\"", "EXPOSE $P"), "80/tcp"),
                exposes("a global ARG without default takes the build arg through the redeclaration",
                        lines("ARG P", "FROM alpine", "ARG P", "EXPOSE $P"), "81/tcp").args("P=81"),
                exposes("a build arg overrides a predefined platform ARG",
                        lines("FROM alpine", "ARG TARGETARCH", "LABEL arch=$TARGETARCH"), "")
                        .args("TARGETARCH=arm64").labels("arch=arm64"),
                fails("ARGs of a sibling stage are not visible",
                        lines("FROM alpine AS one", "ARG P=80", "FROM alpine", "EXPOSE $P"), 4, "P not set"),
                fails("ENV of a sibling stage is not visible",
                        lines("FROM alpine AS one", "ENV P=80", "FROM alpine", "EXPOSE $P"), 4, "P not set"),
                fails("ENV name without value is an error", lines("FROM alpine", "ENV PORT"), 2, "no value"),
                fails("ENV pairs need '=' everywhere once the first has it",
                        lines("FROM alpine", "ENV A=1 B"), 2, "no '='"),
                fails("ENV needs a name", lines("FROM alpine", "ENV =1"), 2, "blank name"),
                fails("ARG needs a name", lines("FROM alpine", "ARG =1"), 2, "without a name"));
    }

    static Stream<DockerfileCase> expansion() {
        return Stream.of(
                exposes("${VAR} braces", lines("FROM alpine", "ENV P=80", "EXPOSE ${P}"), "80/tcp"),
                exposes("$$ is the shell's special parameter $, never set in a build, not a '$'",
                        lines("FROM alpine", "EXPOSE $$80"), "80/tcp"),
                exposes("${VAR:-word} when unset", lines("FROM alpine", "EXPOSE ${P:-8080}"), "8080/tcp"),
                exposes("${VAR:-word} when empty", lines("FROM alpine", "ENV P=", "EXPOSE ${P:-8080}"), "8080/tcp"),
                exposes("${VAR-word} keeps an empty value", lines("FROM alpine", "ENV P=", "EXPOSE 80${P-1}"),
                        "80/tcp"),
                exposes("${VAR-word} when unset", lines("FROM alpine", "EXPOSE 80${P-1}"), "801/tcp"),
                exposes("${VAR:+word} when set", lines("FROM alpine", "ENV TLS=yes", "EXPOSE 80 ${TLS:+443}"),
                        "80/tcp 443/tcp"),
                exposes("${VAR:+word} when empty gives nothing", lines("FROM alpine", "ENV TLS=",
                        "EXPOSE 80 ${TLS:+443}"), "80/tcp"),
                exposes("${VAR+word} when set but empty", lines("FROM alpine", "ENV TLS=", "EXPOSE 80 ${TLS+443}"),
                        "80/tcp 443/tcp"),
                fails("${VAR:?message} when unset is an error naming the variable",
                        lines("FROM alpine", "EXPOSE ${PORT:?required}"), 2, "PORT: required"),
                fails("BuildKit surprise: EXPOSE splits at spaces before expanding, so a message with spaces breaks",
                        lines("FROM alpine", "EXPOSE ${PORT:?set the port}"), 2, "missing '}'"),
                fails("an empty value is an error too", lines("FROM alpine", "ENV P=", "EXPOSE $P"), 3,
                        "variable P is empty"),
                exposes("${VAR:+word} may deliberately expose nothing", lines("FROM alpine", "ARG DEBUG",
                        "EXPOSE 80 ${DEBUG:+5005}"), "80/tcp"),
                fails("${VAR:?} when empty is an error", lines("FROM alpine", "ENV PORT=", "EXPOSE ${PORT:?}"), 3,
                        "PORT: is not allowed to be empty"),
                exposes("${VAR?} accepts a set empty value", lines("FROM alpine", "ENV P=", "EXPOSE 80${P?}"),
                        "80/tcp"),
                exposes("${VAR#pattern} removes the shortest prefix",
                        lines("FROM alpine", "ENV P=web-8080-x", "LABEL l=${P#*-}"), "").labels("l=8080-x"),
                exposes("${VAR##pattern} removes the longest prefix",
                        lines("FROM alpine", "ENV P=a-b-8080", "EXPOSE ${P##*-}"), "8080/tcp"),
                exposes("${VAR%pattern} removes the shortest suffix",
                        lines("FROM alpine", "ENV P=8080-a-b", "LABEL l=${P%-*}"), "").labels("l=8080-a"),
                exposes("${VAR%%pattern} removes the longest suffix",
                        lines("FROM alpine", "ENV P=8080-a-b", "EXPOSE ${P%%-*}"), "8080/tcp"),
                exposes("${VAR/pattern/replacement} replaces the first match",
                        lines("FROM alpine", "ENV P=x0x0", "LABEL l=${P/x/8}"), "").labels("l=80x0"),
                exposes("${VAR//pattern/replacement} replaces every match",
                        lines("FROM alpine", "ENV P=x0x0", "EXPOSE ${P//x/8}"), "8080/tcp"),
                exposes("? matches one character in patterns", lines("FROM alpine", "ENV P=v18080",
                        "EXPOSE ${P#v?}"), "8080/tcp"),
                exposes("nested words in defaults", lines("FROM alpine", "EXPOSE ${P:-${Q:-8080}}"), "8080/tcp"),
                fails("an escaped \\$ stays literal", lines("FROM alpine", "ENV P=80", "EXPOSE \\$P"), 3,
                        "not a port"),
                fails("single quotes keep $ literal", lines("FROM alpine", "ENV P=80", "EXPOSE '$P'"), 3,
                        "not a port"),
                exposes("double quotes expand", lines("FROM alpine", "ENV P=80", "EXPOSE \"$P\""), "80/tcp"),
                exposes("BuildKit surprise: a variable holding several ports exposes each",
                        lines("FROM alpine", "ENV PORTS=\"80 443\"", "EXPOSE $PORTS"), "80/tcp 443/tcp"),
                fails("in double quotes the same variable is one word, and not a port",
                        lines("FROM alpine", "ENV PORTS=\"80 443\"", "EXPOSE \"$PORTS\""), 3, "not a port"),
                exposes("a variable followed by a protocol", lines("FROM alpine", "ARG DNS=53", "EXPOSE $DNS/udp"),
                        "53/udp"),
                exposes("$ not followed by a name is literal", lines("FROM alpine", "LABEL price=5$"), "")
                        .labels("price=5$"),
                exposes("variable names may hold digits and underscores",
                        lines("FROM alpine", "ENV HTTP_PORT_2=8080", "EXPOSE $HTTP_PORT_2"), "8080/tcp"),
                fails("an unset variable makes EXPOSE empty: an error naming it",
                        lines("FROM alpine", "EXPOSE $HTTP_PORT"), 2, "HTTP_PORT not set"),
                fails("${} is a bad substitution", lines("FROM alpine", "EXPOSE ${}"), 2, "bad substitution"),
                fails("${VAR:=word} is not supported by BuildKit", lines("FROM alpine", "EXPOSE ${P:=80}"), 2,
                        "unsupported modifier"),
                fails("a missing } is an error", lines("FROM alpine", "EXPOSE ${P:-80"), 2, "missing '}'"),
                fails("an unclosed quote is an error", lines("FROM alpine", "LABEL a=\"b"), 2, "not closed"));
    }

    static Stream<DockerfileCase> expose() {
        return Stream.of(
                exposes("explicit tcp", lines("FROM alpine", "EXPOSE 80/tcp"), "80/tcp"),
                exposes("the protocol is case-insensitive", lines("FROM alpine", "EXPOSE 80/TCP 53/Udp"),
                        "53/udp 80/tcp"),
                exposes("udp", lines("FROM alpine", "EXPOSE 53/udp"), "53/udp"),
                exposes("sctp", lines("FROM alpine", "EXPOSE 132/sctp"), "132/sctp"),
                exposes("a range", lines("FROM alpine", "EXPOSE 8000-8010"), "8000-8010/tcp"),
                exposes("a udp range", lines("FROM alpine", "EXPOSE 8000-8010/udp"), "8000-8010/udp"),
                exposes("several ports on a line", lines("FROM alpine", "EXPOSE 443 80 53/udp"),
                        "53/udp 80/tcp 443/tcp"),
                exposes("several EXPOSE lines add up", lines("FROM alpine", "EXPOSE 80", "EXPOSE 443"),
                        "80/tcp 443/tcp"),
                exposes("duplicates are merged", lines("FROM alpine", "EXPOSE 80 80/tcp", "EXPOSE 80"), "80/tcp"),
                exposes("the same number in two protocols is two ports", lines("FROM alpine", "EXPOSE 53/tcp 53/udp"),
                        "53/tcp 53/udp"),
                exposes("a port inside an exposed range is merged into it",
                        lines("FROM alpine", "EXPOSE 8000-8010", "EXPOSE 8005"), "8000-8010/tcp"),
                exposes("a trailing slash means tcp", lines("FROM alpine", "EXPOSE 80/"), "80/tcp"),
                exposes("leading zeros are read as Docker reads them", lines("FROM alpine", "EXPOSE 0080"), "80/tcp"),
                exposes("hostPort:containerPort exposes the container port, as Docker does",
                        lines("FROM alpine", "EXPOSE 8080:80"), "80/tcp"),
                exposes("the highest port", lines("FROM alpine", "EXPOSE 65535"), "65535/tcp"),
                // BuildKit's dockerfile2llb/convert_expose.go parsePortSpec (as go-connections nat.ParsePortSpec):
                // a host range must be as long as the container range, unless the container side is one port
                exposes("a host range as long as the container range exposes the container range",
                        lines("FROM alpine", "EXPOSE 8000-8005:9000-9005"), "9000-9005/tcp"),
                fails("BuildKit surprise: a host range of another length than the container range is refused",
                        lines("FROM alpine", "EXPOSE 8000-8001:9000-9005"), 2,
                        "the host side 8000-8001 has 2 ports, the container range 9000-9005 has 6"),
                fails("... also a single host port before a container range",
                        lines("FROM alpine", "EXPOSE 8000:9000-9001/udp"), 2, "the host side 8000 has 1 port"),
                exposes("... but a host range before a single container port is taken (a range to pick from)",
                        lines("FROM alpine", "EXPOSE 8000-8010:80"), "80/tcp"),
                fails("a host port is checked like a port", lines("FROM alpine", "EXPOSE 70000:80"), 2,
                        "'70000' is not a host port number"),
                // the address of ip:hostPort:containerPort: brackets stripped, then Go's net.ParseIP
                exposes("ip:hostPort:containerPort with an IPv4 address",
                        lines("FROM alpine", "EXPOSE 127.0.0.1:8080:80"), "80/tcp"),
                exposes("ip:hostPort:containerPort with an IPv6 address in brackets",
                        lines("FROM alpine", "EXPOSE [::1]:8080:80/udp"), "80/udp"),
                exposes("an IPv6 address with a dotted IPv4 tail",
                        lines("FROM alpine", "EXPOSE [::ffff:10.0.0.1]:8080:80"), "80/tcp"),
                exposes("an empty address is no address", lines("FROM alpine", "EXPOSE :8080:80"), "80/tcp"),
                exposes("BuildKit surprise: IPv6 without brackets is taken (all before the last two colons)",
                        lines("FROM alpine", "EXPOSE fe80::1:8080:80"), "80/tcp"),
                exposes("BuildKit surprise: an IPv4 address in brackets is taken",
                        lines("FROM alpine", "EXPOSE [10.0.0.1]:8080:80"), "80/tcp"),
                exposes("BuildKit surprise: empty brackets count as no address",
                        lines("FROM alpine", "EXPOSE []:8080:80"), "80/tcp"),
                fails("a host name is no address", lines("FROM alpine", "EXPOSE localhost:8080:80"), 2,
                        "'localhost' cannot be the host address: it is not an IP address"),
                fails("an IPv4 field above 255", lines("FROM alpine", "EXPOSE 256.0.0.1:8080:80"), 2,
                        "'256.0.0.1' cannot be the host address"),
                fails("an IPv4 address needs four fields", lines("FROM alpine", "EXPOSE 10.0.0:8080:80"), 2,
                        "'10.0.0' cannot be the host address"),
                fails("BuildKit surprise: a leading zero in an IPv4 field is refused (Go 1.17 on)",
                        lines("FROM alpine", "EXPOSE 010.0.0.1:8080:80"), 2, "'010.0.0.1' cannot be"),
                fails("dots and digits alone are no address", lines("FROM alpine", "EXPOSE ...:8080:80"), 2,
                        "'...' cannot be the host address"),
                fails("an unclosed bracket", lines("FROM alpine", "EXPOSE [::1:8080:80"), 2,
                        "'[::1' cannot be the host address: its brackets do not enclose it"),
                fails("text after the closing bracket", lines("FROM alpine", "EXPOSE [::1]x:8080:80"), 2,
                        "its brackets do not enclose it"),
                fails("IPv6 with two '::'", lines("FROM alpine", "EXPOSE [1::2::3]:8080:80"), 2,
                        "'[1::2::3]' cannot be the host address"),
                fails("IPv6 with a zone", lines("FROM alpine", "EXPOSE [fe80::1%eth0]:8080:80"), 2,
                        "cannot be the host address"),
                fails("IPv6 with nine groups", lines("FROM alpine", "EXPOSE [1:2:3:4:5:6:7:8:9]:8080:80"), 2,
                        "cannot be the host address"),
                fails("IPv6 '::' standing for no group", lines("FROM alpine", "EXPOSE [1:2:3:4:5:6:7::8]:8080:80"),
                        2, "cannot be the host address"),
                fails("an IPv6 group of five digits", lines("FROM alpine", "EXPOSE [12345::1]:8080:80"), 2,
                        "cannot be the host address"),
                exposes("quoted EXPOSE words lose their quotes", lines("FROM alpine", "EXPOSE \"80\" '53/udp'"),
                        "53/udp 80/tcp"),
                exposes("BuildKit surprise: an escaped space does not join EXPOSE words (cut before expansion)",
                        lines("FROM alpine", "EXPOSE 80\\ 443"), "80/tcp 443/tcp"),
                fails("a port above 65535", lines("FROM alpine", "EXPOSE 70000"), 2, "70000"),
                fails("an unknown protocol", lines("FROM alpine", "EXPOSE 80/icmp"), 2, "'icmp' is not a protocol"),
                fails("ours: port 0 cannot be opened (Docker accepts it)", lines("FROM alpine", "EXPOSE 0"), 2,
                        "port 0"),
                fails("a reversed range", lines("FROM alpine", "EXPOSE 8010-8000"), 2, "ends before it starts"),
                fails("a name is not a port", lines("FROM alpine", "EXPOSE http"), 2, "'http' is not a port"),
                fails("a negative port", lines("FROM alpine", "EXPOSE -1"), 2, "not a port"),
                fails("EXPOSE without a port", lines("FROM alpine", "EXPOSE"), 2, "names no port"),
                fails("the error names the line of the bad word inside a continued EXPOSE",
                        lines("FROM alpine", "RUN echo a \\", "  && echo b", "EXPOSE 80 \\", "   80/xyz"), 5,
                        "xyz"),
                fails("an expanded value that is not a port names the variable's expansion",
                        lines("FROM alpine", "ARG PORT=eighty", "EXPOSE $PORT"), 3, "expanded: 'eighty'"));
    }

    static Stream<DockerfileCase> labels() {
        return Stream.of(
                exposes("LABEL key=value", lines("FROM alpine", "LABEL team=web"), "").labels("team=web"),
                exposes("LABEL quoted value with spaces", lines("FROM alpine", "LABEL description=\"A web app\""),
                        "").labels("description=A web app"),
                exposes("LABEL old form: key then the rest of the line",
                        lines("FROM alpine", "LABEL maintainer Jane Doe"), "").labels("maintainer=Jane Doe"),
                exposes("LABEL old form with a quoted value", lines("FROM alpine", "LABEL motto \"do it  right\""),
                        "").labels("motto=do it  right"),
                exposes("LABEL pairs over continued lines",
                        lines("FROM alpine", "LABEL a=1 \\", "      b=2"), "").labels("a=1", "b=2"),
                exposes("org.opencontainers.image labels are kept",
                        lines("FROM alpine", "LABEL org.opencontainers.image.title=\"shop\" \\",
                                "      org.opencontainers.image.version=1.2"), "")
                        .labels("org.opencontainers.image.title=shop", "org.opencontainers.image.version=1.2"),
                exposes("quoted label keys", lines("FROM alpine", "LABEL \"com.example.vendor\"=\"ACME Inc\""),
                        "").labels("com.example.vendor=ACME Inc"),
                exposes("LABEL expands ARG", lines("FROM alpine", "ARG VERSION=1.0", "LABEL version=$VERSION"),
                        "").labels("version=2.0").args("VERSION=2.0"),
                exposes("only the first '=' separates key and value", lines("FROM alpine", "LABEL a=b=c"), "")
                        .labels("a=b=c"),
                exposes("an empty label value", lines("FROM alpine", "LABEL a= b=\"\""), "").labels("a=", "b="),
                exposes("a later LABEL overrides", lines("FROM alpine", "LABEL a=1", "LABEL a=2"), "")
                        .labels("a=2"),
                exposes("labels are inherited FROM a stage", lines("FROM alpine AS base", "LABEL a=1", "FROM base"),
                        "").labels("a=1"),
                exposes("an escaped space keeps a value together", lines("FROM alpine", "LABEL a=x\\ y"), "")
                        .labels("a=x y"));
    }

    static Stream<DockerfileCase> directivesAndHeredocs() {
        return Stream.of(
                exposes("escape=` makes the backtick continue lines",
                        lines("# escape=`", "FROM alpine", "EXPOSE 80 `", "  443"), "80/tcp 443/tcp"),
                fails("escape=` makes the backslash an ordinary character",
                        lines("# escape=`", "FROM alpine", "EXPOSE 80 \\", "EXPOSE 443"), 3, "not a port"),
                fails("escape=` escapes $", lines("# escape=`", "FROM alpine", "ENV P=80", "EXPOSE `$P"), 4,
                        "not a port"),
                exposes("directive names are case-insensitive and may have spaces",
                        lines("#  ESCAPE = `", "FROM alpine", "EXPOSE 80 `", "  443"), "80/tcp 443/tcp"),
                fails("a directive after a comment is just a comment",
                        lines("# hello", "# escape=`", "FROM alpine", "EXPOSE 80 `", "443"), 5,
                        "unknown instruction '443'"),
                fails("a directive after a blank line is just a comment",
                        lines("", "# escape=`", "FROM alpine", "EXPOSE 80 `", "443"), 5, "unknown instruction"),
                exposes("syntax and check directives are accepted",
                        lines("# syntax=docker/dockerfile:1.7", "# check=skip=all", "FROM alpine", "EXPOSE 80"),
                        "80/tcp"),
                fails("a directive may be given once", lines("# escape=\\", "# escape=`", "FROM alpine"), 2,
                        "given twice"),
                fails("the escape character is \\ or `", lines("# escape=!", "FROM alpine"), 1, "'!'"),
                exposes("a heredoc body is not read as instructions",
                        lines("FROM alpine", "RUN <<EOF", "EXPOSE 9999", "echo hi", "EOF", "EXPOSE 80"), "80/tcp"),
                exposes("<<-EOF ends at a tab-indented terminator",
                        lines("FROM alpine", "RUN <<-EOF", "\tEXPOSE 9999", "\tEOF", "EXPOSE 80"), "80/tcp"),
                exposes("quoted heredoc delimiters", lines("FROM alpine", "RUN <<'END' bash", "EXPOSE 9999",
                        "END", "COPY <<\"CONF\" /etc/app.conf", "EXPOSE 9998", "CONF", "EXPOSE 80"), "80/tcp"),
                exposes("several heredocs on one line, bodies in order",
                        lines("FROM alpine", "COPY <<A <<B /dst/", "EXPOSE 9999", "A", "EXPOSE 9998", "B",
                                "EXPOSE 80"), "80/tcp"),
                exposes("a heredoc after a command word", lines("FROM alpine", "RUN cat > /x <<EOF", "EXPOSE 9999",
                        "EOF", "EXPOSE 80"), "80/tcp"),
                exposes("a heredoc opened on a continued line",
                        lines("FROM alpine", "RUN python3 \\", "  <<PY", "EXPOSE 9999", "PY", "EXPOSE 80"), "80/tcp"),
                exposes("<< inside quotes opens no heredoc", lines("FROM alpine", "RUN echo '<<EOF'", "EXPOSE 80"),
                        "80/tcp"),
                exposes("heredocs only on RUN, COPY and ADD: a LABEL value with << is text",
                        lines("FROM alpine", "LABEL a=<<EOF", "EXPOSE 80"), "80/tcp").labels("a=<<EOF"),
                exposes("ONBUILD RUN heredocs are skipped too",
                        lines("FROM alpine", "ONBUILD RUN <<EOF", "EXPOSE 9999", "EOF", "EXPOSE 80"), "80/tcp"),
                exposes("a heredoc may name a file descriptor",
                        lines("FROM alpine", "RUN cat 3<<EOF", "EXPOSE 9999", "EOF", "EXPOSE 80"), "80/tcp"),
                exposes("CRLF heredoc terminators", "FROM alpine\r\nRUN <<EOF\r\nEXPOSE 9999\r\nEOF\r\nEXPOSE 80\r\n",
                        "80/tcp"),
                fails("a terminator with trailing spaces does not end the heredoc",
                        lines("FROM alpine", "RUN <<EOF", "EXPOSE 9999", "EOF  ", "EXPOSE 80"), 2,
                        "never terminated"),
                fails("CMD has no heredocs: the body lines are instructions",
                        lines("FROM alpine", "CMD cat <<EOF", "hello", "EOF"), 3, "unknown instruction 'hello'"),
                fails("an unterminated heredoc is an error at its instruction",
                        lines("FROM alpine", "RUN <<EOF", "echo hi"), 2, "never terminated"));
    }

    static Stream<DockerfileCase> malformed() {
        return Stream.of(
                fails("an empty Dockerfile", "   \n\n# only a comment\n", 0, "no instructions"),
                fails("EXPOSE does not take flags", lines("FROM alpine", "EXPOSE --tcp 80"), 2, "--tcp"));
    }

}
