package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cuts the instructions into the global ARGs (before the first FROM) and the stages, and finds the stage a build
 * targets: the named one, or the last.
 */
final class StageResolver {

    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");

    /**
     * @param globalArgs the ARG instructions before the first FROM
     * @param stages in file order
     */
    record Stages(List<Instruction> globalArgs, List<Stage> stages, Map<String, Stage> byName) {

        Stages(List<Instruction> globalArgs, List<Stage> stages) {
            this(globalArgs, stages, stages.stream().filter(stage -> stage.name().isPresent())
                    .collect(Collectors.toMap(stage -> stage.name().get(), stage -> stage)));
        }

        Stages {
            globalArgs = List.copyOf(globalArgs);
            stages = List.copyOf(stages);
            byName = Map.copyOf(byName);
        }

        /** The earlier stage a FROM names (stage names are case-insensitive), if it names one. */
        Optional<Stage> earlierStageNamed(String baseImage, int beforeIndex) {
            return Optional.ofNullable(byName.get(baseImage.toLowerCase(Locale.ROOT)))
                    .filter(stage -> stage.index() < beforeIndex);
        }
    }

    private StageResolver() {
    }

    static Stages split(ParsedDockerfile dockerfile) {
        List<Instruction> globalArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Instruction from = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.keyword().equals("from")) {
                if (from != null) {
                    stages.add(stage(stages.size(), names, from, body));
                }
                from = instruction;
                body = new ArrayList<>();
            } else if (from != null) {
                body.add(instruction);
            } else if (instruction.keyword().equals("arg")) {
                globalArgs.add(instruction);
            } else {
                throw new InvalidInputException(instruction.position(),
                        instruction.name() + " comes before the first FROM",
                        "Only ARG may precede the first FROM; move " + instruction.name() + " into a stage.");
            }
        }
        if (from == null) {
            throw new InvalidInputException(SourcePosition.wholeFile(dockerfile.file()), "the Dockerfile has no FROM instruction",
                    "Start the build stage with 'FROM <image>'.");
        }
        stages.add(stage(stages.size(), names, from, body));
        return new Stages(globalArgs, stages);
    }

    /** @param names the names of the stages so far; this stage's name is added */
    private static Stage stage(int index, Set<String> names, Instruction from, List<Instruction> body) {
        for (String flag : from.flags()) {
            if (!BuilderFlags.nameOf(flag).equals("platform")) {
                throw new InvalidInputException(from.position(), "FROM does not know the flag " + flag,
                        "Remove it; FROM takes only --platform.");
            }
        }
        String[] words = from.arguments().isEmpty() ? new String[0] : from.arguments().split("[\\t\\u000B\\f\\r ]+");
        boolean named = words.length == 3 && words[1].equalsIgnoreCase("as");
        if (words.length != 1 && !named) {
            throw new InvalidInputException(from.position(),
                    "FROM needs an image and optionally 'AS <name>', not '" + from.arguments() + "'",
                    "Write 'FROM <image>' or 'FROM <image> AS <stage-name>'.");
        }
        Optional<String> name = Optional.empty();
        if (named) {
            String stageName = words[2].toLowerCase(Locale.ROOT);
            if (!STAGE_NAME.matcher(stageName).matches()) {
                throw new InvalidInputException(from.position(), "'" + words[2] + "' is not a valid stage name",
                        "Start the stage name with a letter and use only letters, digits, '-', '_' and '.'.");
            }
            if (!names.add(stageName)) {
                throw new InvalidInputException(from.position(),
                        "the stage name '" + stageName + "' is used twice", "Give each stage its own name.");
            }
            name = Optional.of(stageName);
        }
        return new Stage(index, name, from, words[0], body);
    }

    /** The stage {@code target} names (case-insensitive), or the last stage when no target is given. */
    static Stage target(Path file, Stages stages, Optional<String> target) {
        if (target.isEmpty() || target.get().isBlank()) {
            return stages.stages().get(stages.stages().size() - 1);
        }
        return Optional.ofNullable(stages.byName().get(target.get().toLowerCase(Locale.ROOT)))
                .orElseThrow(() -> new InvalidInputException(SourcePosition.wholeFile(file),
                        "the target stage '" + target.get() + "' is not in the Dockerfile (its stages: "
                                + describe(stages.stages()) + ")",
                        "Set 'target' to one of the named stages, or leave it empty for the last stage."));
    }

    private static String describe(List<Stage> stages) {
        return stages.stream()
                .map(stage -> stage.name().map(name -> name + " (line " + stage.from().line() + ")")
                        .orElse("#" + stage.index() + " unnamed (line " + stage.from().line() + ")"))
                .collect(Collectors.joining(", "));
    }

}
