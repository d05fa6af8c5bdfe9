package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.InvalidValueException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.net.ServicePort;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs the metadata side of a build: global ARGs, then the target stage and the stages it is built FROM, applying
 * ARG, ENV, LABEL and EXPOSE with BuildKit's scoping. Instructions that touch only the file system are skipped;
 * stages the target does not build FROM are not evaluated (BuildKit does not dispatch them either).
 */
final class StageEvaluator {

    private final char escape;
    private final Map<String, String> buildArgs;
    private final Map<String, String> globalArgs = new LinkedHashMap<>(PlatformArgs.values());
    private final WorkBudget budget;

    private StageEvaluator(char escape, Map<String, String> buildArgs, WorkBudget budget) {
        this.escape = escape;
        this.buildArgs = buildArgs;
        this.budget = budget;
    }

    static ImageMetadata evaluate(ParsedDockerfile dockerfile, BuildOptions options, WorkBudget budget) {
        StageResolver.Stages stages = StageResolver.split(dockerfile);
        Stage target = StageResolver.target(dockerfile.file(), stages, options.target());
        StageEvaluator evaluator = new StageEvaluator(dockerfile.escape(), options.buildArgs(), budget);
        for (Instruction arg : stages.globalArgs()) {
            evaluator.applyGlobalArg(arg);
        }
        // BuildKit expands every FROM, also of stages the target does not need, and refuses a blank one
        List<String> baseImages = stages.stages().stream().map(evaluator::expandBaseImage).toList();
        return evaluator.evaluateChain(stages, baseImages, target).toMetadata(target.label());
    }

    /** The target and its bases, evaluated oldest first, so that no recursion depends on the stage count. */
    private ImageState evaluateChain(StageResolver.Stages stages, List<String> baseImages, Stage target) {
        Deque<Stage> chain = new ArrayDeque<>();
        Optional<Stage> current = Optional.of(target);
        while (current.isPresent()) {
            chain.addFirst(current.get());
            current = stages.earlierStageNamed(baseImages.get(current.get().index()), current.get().index());
        }
        ImageState state = ImageState.empty(); // the oldest is built FROM an image outside the Dockerfile
        Stage parent = null;
        for (Stage stage : chain) {
            if (parent != null) {
                state = state.startStageBuiltFromThis();
                runOnBuildTriggers(parent, state);
            }
            for (Instruction instruction : stage.body()) {
                apply(instruction, state);
            }
            parent = stage;
        }
        return state;
    }

    /**
     * A stage built FROM another first runs that stage's own ONBUILD instructions (only its own: a trigger fires
     * once and is not passed on to the stages after).
     */
    private void runOnBuildTriggers(Stage parent, ImageState state) {
        for (Instruction instruction : parent.body()) {
            if (instruction.keyword().equals("onbuild")) {
                apply(DockerfileParser.onBuildTrigger(instruction), state);
            }
        }
    }

    private String expandBaseImage(Stage stage) {
        ShellLexer.Expansion base = expand(stage.from(), stage.baseImage(), globalArgs);
        if (base.word().isEmpty()) {
            throw new InvalidInputException(position(stage.from()),
                    "the base image '" + stage.baseImage() + "' expands to nothing" + unsetNote(base),
                    "Give the ARG it uses a default before the first FROM, or set it in 'buildArgs'.");
        }
        return base.word();
    }

    private void applyGlobalArg(Instruction instruction) {
        Command.Arg command = (Command.Arg) Command.of(instruction, escape);
        for (InstructionWords.NameValue arg : command.args()) {
            if (buildArgs.containsKey(arg.name())) {
                globalArgs.put(arg.name(), buildArgs.get(arg.name()));
            } else if (arg.value().isPresent()) {
                globalArgs.put(arg.name(), expandWord(instruction, arg.value().get(), globalArgs));
            }
        }
    }

    private void apply(Instruction instruction, ImageState state) {
        Command command = Command.of(instruction, escape);
        if (command instanceof Command.Arg arg) {
            applyArg(arg, state);
        } else if (command instanceof Command.Pairs pairs) {
            applyPairs(pairs, state);
        } else if (command instanceof Command.Expose expose) {
            applyExpose(expose, state);
        }
    }

    /**
     * A build arg wins over the default; an ARG without default takes the global ARG's value; a value, once
     * known, overrides an ENV of the same name in this stage from here on (BuildKit keeps both in one map, the later
     * wins), but not in the stages built FROM this one, where the image's ENV is set again.
     */
    private void applyArg(Command.Arg command, ImageState state) {
        Map<String, String> variables = state.variables();
        for (InstructionWords.NameValue arg : command.args()) {
            Optional<String> value;
            if (buildArgs.containsKey(arg.name())) {
                value = Optional.of(buildArgs.get(arg.name()));
            } else if (arg.value().isPresent()) {
                value = Optional.of(expandWord(command.source(), arg.value().get(), variables));
            } else {
                value = Optional.ofNullable(globalArgs.get(arg.name()));
            }
            value.ifPresent(v -> state.setArgument(arg.name(), v));
        }
    }

    /** ENV and LABEL: every name and value expanded with the state from before the instruction, then set. */
    private void applyPairs(Command.Pairs command, ImageState state) {
        Map<String, String> variables = state.variables();
        List<Map.Entry<String, String>> expanded = new ArrayList<>();
        for (Command.RawPair pair : command.pairs()) {
            expanded.add(Map.entry(expandWord(command.source(), pair.name(), variables),
                    expandWord(command.source(), pair.value(), variables)));
        }
        boolean env = command.source().keyword().equals("env");
        for (Map.Entry<String, String> pair : expanded) {
            if (env) {
                state.setEnvironment(pair.getKey(), pair.getValue());
            } else {
                state.setLabel(pair.getKey(), pair.getValue());
            }
        }
    }

    private void applyExpose(Command.Expose command, ImageState state) {
        Instruction instruction = command.source();
        Map<String, String> variables = state.variables();
        Instruction.Positions positions = instruction.positions(budget);
        for (Command.Word written : command.words()) {
            String raw = written.text();
            SourcePosition at = positionAt(instruction, positions, written.start());
            ShellLexer.Expansion expansion = expand(instruction, raw, variables, at);
            if (!expansion.usedVariables().isEmpty()) {
                state.noteExposeExpansion(at + ": EXPOSE " + Quoted.of(raw) + " used " + expansion.usedVariables()
                        .entrySet().stream().map(v -> v.getKey() + "=" + Quoted.of(v.getValue()))
                        .collect(Collectors.joining(", ")));
            }
            if (expansion.words().isEmpty() && !expansion.conditional()) {
                throw new InvalidInputException(at,
                        "EXPOSE " + raw + " expands to nothing" + unsetNote(expansion), emptyExposeRemedy(expansion));
            }
            for (String word : expansion.words()) {
                try {
                    ServicePort port = ExposeParser.parse(word);
                    state.expose(port);
                } catch (InvalidValueException e) {
                    String shown = word.equals(raw) ? Quoted.of(raw) : Quoted.of(raw) + " (expanded: " + Quoted.of(word) + ")";
                    throw new InvalidInputException(at,
                            "EXPOSE " + shown + " is not a port: " + e.problem() + unsetNote(expansion),
                            e.remedy().isEmpty() ? "Write a port or range with an optional protocol: 80, 80/tcp,"
                                    + " 53/udp, 8000-8010/tcp." : e.remedy());
                }
            }
        }
    }

    /**
     * A global ARG (before the first FROM) is seen by FROM lines only; a stage sees it after an ARG of the same
     * name, so 'buildArgs' would not help there.
     */
    private String emptyExposeRemedy(ShellLexer.Expansion expansion) {
        List<String> globalOnly = new TreeSet<>(expansion.unsetVariables()).stream()
                .filter(globalArgs::containsKey)
                .toList();
        if (!globalOnly.isEmpty()) {
            String redeclare = globalOnly.stream().map(name -> "'ARG " + name + "'")
                    .collect(Collectors.joining(" and "));
            return "Redeclare " + String.join(", ", globalOnly) + " in this stage: write " + redeclare
                    + " after its FROM (an ARG before the first FROM is seen by FROM lines only).";
        }
        return "Declare the variable with a default (ARG PORT=8080) or set it in 'buildArgs'; variables"
                + " that only a base image outside this Dockerfile sets are unknown to the plugin.";
    }

    private String expandWord(Instruction instruction, String text, Map<String, String> variables) {
        return expand(instruction, text, variables).word();
    }

    private ShellLexer.Expansion expand(Instruction instruction, String text, Map<String, String> variables) {
        return expand(instruction, text, variables, position(instruction));
    }

    private ShellLexer.Expansion expand(Instruction instruction, String text, Map<String, String> variables,
            SourcePosition at) {
        try {
            return ShellLexer.expand(text, variables, escape, ShellLexer.Mode.EXPAND, budget);
        } catch (InvalidValueException e) {
            throw new InvalidInputException(at,
                    instruction.name() + " " + Quoted.of(text) + " cannot be expanded: " + e.problem(),
                    e.remedy().isEmpty() ? "Fix the quoting or the ${...} expression." : e.remedy());
        }
    }

    private static String unsetNote(ShellLexer.Expansion expansion) {
        Set<String> unset = new TreeSet<>(expansion.unsetVariables());
        Set<String> empty = new TreeSet<>(expansion.emptyVariables());
        if (!unset.isEmpty()) {
            return (unset.size() == 1 ? " (variable " : " (variables ") + String.join(", ", unset) + " not set)";
        }
        if (!empty.isEmpty()) {
            return (empty.size() == 1 ? " (variable " : " (variables ") + String.join(", ", empty)
                    + (empty.size() == 1 ? " is empty)" : " are empty)");
        }
        return "";
    }

    private SourcePosition positionAt(Instruction instruction, Instruction.Positions positions, int index) {
        try {
            return positions.at(index);
        } catch (InvalidValueException e) {
            throw e.at(position(instruction));
        }
    }

    private SourcePosition position(Instruction instruction) {
        return instruction.position();
    }
}
