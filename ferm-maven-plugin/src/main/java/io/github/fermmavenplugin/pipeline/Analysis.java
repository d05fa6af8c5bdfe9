package io.github.fermmavenplugin.pipeline;

import io.github.fermmavenplugin.diagnostic.UserFile;
import io.github.fermmavenplugin.dockerfile.ImageMetadata;
import io.github.fermmavenplugin.policy.Policy;

/** A descriptor checked against its Dockerfile: what {@code ferm:check} proves and {@code ferm:bundle} writes. */
public record Analysis(UserFile descriptor, UserFile dockerfile, ImageMetadata image, Policy policy) {
}
