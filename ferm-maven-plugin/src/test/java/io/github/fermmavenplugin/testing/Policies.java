package io.github.fermmavenplugin.testing;

import io.github.fermmavenplugin.descriptor.DescriptorReader;
import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.policy.Policy;
import io.github.fermmavenplugin.policy.PolicyBuilder;
import java.nio.file.Path;

/** A policy from a descriptor's text, against an image built in the test. */
public final class Policies {

    private Policies() {
    }

    public static Policy from(Path directory, String yaml, ImageMetadata image) {
        UserFile file = TempFiles.userFile(directory, "firewall.yaml", yaml);
        return PolicyBuilder.build(DescriptorReader.read(file), file.path(), image, "fallback-service");
    }
}
