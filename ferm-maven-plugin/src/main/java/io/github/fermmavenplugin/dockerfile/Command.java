package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.InvalidInputException;
import io.github.fermmavenplugin.diagnostic.Quoted;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instruction the firewall cares about, its arguments cut into typed parts before anything is expanded, as
 * BuildKit's frontend parses instructions into commands: the evaluator then only expands and applies. Parsed
 * when its stage is evaluated, so that stages the target does not build are not checked (BuildKit neither).
 */
sealed interface Command {

    Instruction source();

    /** {@code ARG a b=1}: each name, with its raw default when it has one. */
    record Arg(Instruction source, List<InstructionWords.NameValue> args) implements Command {
    }

    /** {@code ENV a=b c="d e"} or {@code LABEL ...}, also the old {@code ENV name value} form; raw names and values. */
    record Pairs(Instruction source, List<RawPair> pairs) implements Command {
    }

    /** {@code EXPOSE 80 ${PORT}/udp}: the raw words and where each starts in the arguments. */
    record Expose(Instruction source, List<Word> words) implements Command {
    }

    /** The file system, the user, the working directory: nothing the firewall needs. */
    record Other(Instruction source) implements Command {
    }

    record RawPair(String name, String value) {
    }

    record Word(String text, int start) {
    }

    /** EXPOSE arguments are cut at white space before any expansion, as BuildKit does. */
    Pattern EXPOSE_WORD = Pattern.compile("[^\\t\\u000B\\f\\r ]+");

    static Command of(Instruction instruction, char escape) {
        return switch (instruction.keyword()) {
            case "arg" -> new Arg(instruction, argWords(instruction, escape));
            case "env", "label" -> new Pairs(instruction, pairs(instruction, escape));
            case "expose" -> new Expose(instruction, exposeWords(instruction));
            default -> new Other(instruction);
        };
    }

    private static List<InstructionWords.NameValue> argWords(Instruction instruction, char escape) {
        List<InstructionWords.NameValue> args =
                InstructionWords.nameValues(InstructionWords.split(instruction.arguments(), escape));
        if (args.isEmpty()) {
            throw new InvalidInputException(instruction.position(), "ARG names no variable",
                    "Write 'ARG NAME' or 'ARG NAME=default'.");
        }
        for (InstructionWords.NameValue arg : args) {
            if (arg.name().isEmpty()) {
                throw new InvalidInputException(instruction.position(), "ARG has a value without a name",
                        "Write 'ARG NAME=default'.");
            }
        }
        return args;
    }

    private static List<RawPair> pairs(Instruction instruction, char escape) {
        rejectFlags(instruction);
        List<String> words = InstructionWords.split(instruction.arguments(), escape);
        if (words.isEmpty()) {
            throw new InvalidInputException(instruction.position(), instruction.name() + " has no arguments",
                    "Write '" + instruction.name() + " name=value'.");
        }
        List<RawPair> raw = new ArrayList<>();
        if (!words.get(0).contains("=")) {
            String[] nameAndValue = instruction.arguments().split("[\\t\\u000B\\f\\r ]+", 2);
            if (nameAndValue.length < 2) {
                throw new InvalidInputException(instruction.position(),
                        instruction.name() + " " + instruction.arguments() + " has a name but no value",
                        "Write '" + instruction.name() + " " + instruction.arguments() + "=value'.");
            }
            raw.add(new RawPair(nameAndValue[0], nameAndValue[1]));
        } else {
            for (String word : words) {
                int equals = word.indexOf('=');
                if (equals < 0) {
                    throw new InvalidInputException(instruction.position(),
                            instruction.name() + " word " + Quoted.of(word) + " has no '='",
                            "Write every pair as name=value; quote values that contain spaces.");
                }
                raw.add(new RawPair(word.substring(0, equals), word.substring(equals + 1)));
            }
        }
        for (RawPair pair : raw) {
            if (pair.name().isEmpty()) {
                throw new InvalidInputException(instruction.position(), instruction.name() + " has a blank name",
                        "Write '" + instruction.name() + " name=value'.");
            }
        }
        return raw;
    }

    private static List<Word> exposeWords(Instruction instruction) {
        rejectFlags(instruction);
        if (instruction.arguments().isEmpty()) {
            throw new InvalidInputException(instruction.position(), "EXPOSE names no port",
                    "Write 'EXPOSE 8080' or 'EXPOSE 8080/tcp 53/udp'.");
        }
        List<Word> words = new ArrayList<>();
        Matcher matcher = EXPOSE_WORD.matcher(instruction.arguments());
        while (matcher.find()) {
            words.add(new Word(matcher.group(), matcher.start()));
        }
        return words;
    }

    private static void rejectFlags(Instruction instruction) {
        if (!instruction.flags().isEmpty()) {
            throw new InvalidInputException(instruction.position(),
                    instruction.name() + " does not know the flag " + instruction.flags().get(0),
                    "Remove the flag.");
        }
    }
}
