package io.github.fermmavenplugin.dockerfile;

import io.github.fermmavenplugin.diagnostic.SourcePosition;
import io.github.fermmavenplugin.net.ServicePort;

/** A port the image exposes, and the EXPOSE that said so (the first one, where several did). */
public record ExposedPort(ServicePort port, SourcePosition declaredAt) {
}
