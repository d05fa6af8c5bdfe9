package io.github.fermmavenplugin.policy;

import io.github.fermmavenplugin.net.InterfaceName;

/** How Docker networks the service, which decides where its containers sit. */
public enum DockerMode {
    BRIDGE("docker0"),
    SWARM("docker_gwbridge");

    private final String defaultBridge;

    DockerMode(String defaultBridge) {
        this.defaultBridge = defaultBridge;
    }

    public InterfaceName defaultBridge() {
        return InterfaceName.parse(defaultBridge);
    }
}
