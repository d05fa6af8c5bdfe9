package io.github.fermmavenplugin.benchmarks;

import io.github.fermmavenplugin.descriptor.Descriptor;
import io.github.fermmavenplugin.descriptor.Descriptor.RuleSpec;
import io.github.fermmavenplugin.descriptor.DescriptorReader;
import io.github.fermmavenplugin.descriptor.Located;
import io.github.fermmavenplugin.diagnostic.UserFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** The benchmarks' descriptors and Dockerfiles, made in memory so that each case states its own size. */
final class Inputs {

    /**
     * The rules allow every other port of the range the image EXPOSEs, so that no two of them could be merged
     * into one range.
     */
    static final int FIRST_PORT = 8000;
    static final int PORT_COUNT = 100;

    static final String DOCKERFILE = "FROM debian:12\nEXPOSE " + FIRST_PORT + "-" + (FIRST_PORT + 2 * PORT_COUNT - 1)
            + "\n";

    static final Path DESCRIPTOR_PATH = Path.of("firewall.yaml");
    static final Path DOCKERFILE_PATH = Path.of("Dockerfile");

    private Inputs() {
    }

    /**
     * {@code rules} rules of one port and one /32 source each. The sources are two addresses apart, so that
     * no two of them could be merged into one network and each rule costs one iptables rule.
     */
    static String oneSourceRules(int rules) {
        StringBuilder yaml = header();
        for (int i = 0; i < rules; i++) {
            yaml.append("  - {name: r").append(i).append(", ports: [").append(port(i % PORT_COUNT))
                    .append("], from: [").append(address(2 * i)).append("]}\n");
        }
        return yaml.toString();
    }

    /** {@link #oneSourceRules(int)} as read. */
    static Descriptor parsedOneSourceRules(int rules) {
        return read(oneSourceRules(rules));
    }

    static Descriptor read(String descriptorText) {
        return DescriptorReader.read(userFile(DESCRIPTOR_PATH, descriptorText));
    }

    /** The text as {@link UserFile#read} would give it, digest included. */
    static UserFile userFile(Path path, String text) {
        return new UserFile(path, text, UserFile.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One rule: {@code sources} /32 sources (two apart) by {@code ports} ports. */
    static String wideRule(int sources, int ports) {
        StringJoiner from = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < sources; i++) {
            from.add(address(2 * i));
        }
        StringJoiner portList = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < ports; i++) {
            portList.add(Integer.toString(port(i)));
        }
        return header().append("  - name: wide\n    ports: ").append(portList).append("\n    from: ").append(from)
                .append('\n').toString();
    }

    /**
     * A Dockerfile of {@code instructions} instructions, padded with comment lines to about {@code bytes}: ENV,
     * ARG, LABEL and RUN in turn, the variables expanded in later instructions, EXPOSE at the end.
     */
    static String largeDockerfile(int instructions, int bytes) {
        StringBuilder text = new StringBuilder(bytes + 100).append("# syntax=docker/dockerfile:1\nFROM debian:12 AS app\n")
                .append("ARG BASE=/opt/app\n");
        int lineLength = bytes / instructions;
        for (int i = 2; i < instructions - 1; i++) {
            int start = text.length();
            switch (i % 4) {
                case 0 -> text.append("ENV VAR_").append(i).append("=${BASE}/lib/").append(i);
                case 1 -> text.append("ARG ARG_").append(i).append("=").append(i);
                case 2 -> text.append("LABEL com.example.label-").append(i).append("=\"value ${VAR_").append(i - 2)
                        .append("}\"");
                default -> text.append("RUN echo step ").append(i).append(" && mkdir -p ${BASE}/").append(i);
            }
            text.append("\n# ");
            while (text.length() - start < lineLength - 1) {
                text.append('x');
            }
            text.append('\n');
        }
        return text.append("EXPOSE ").append(FIRST_PORT).append("/tcp\n").toString();
    }

    private static StringBuilder header() {
        return new StringBuilder("version: 1\nservice: bench\ndocker:\n  bridge: docker0\n  external: [eth0]\ningress:\n");
    }

    private static int port(int n) {
        return FIRST_PORT + 2 * n;
    }

    /** The n-th address of 10.0.0.0/8. */
    private static String address(int n) {
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
