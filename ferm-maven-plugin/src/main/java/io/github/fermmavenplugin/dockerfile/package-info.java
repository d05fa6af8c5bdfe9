/**
 * Dockerfile text to {@link io.github.fermmavenplugin.dockerfile.ImageMetadata}: what the chosen stage exposes and
 * labels, read with the semantics of BuildKit's Dockerfile frontend.
 *
 * <p>The parts, in the order the text goes through them:
 * <ul>
 *   <li>{@code DockerfileParser} with {@code ParserDirectives}, {@code BuilderFlags}, {@code HeredocMarkers} and
 *       {@code JsonForm}: lines to instructions (directives, continuation, comments, heredoc bodies, exec form);</li>
 *   <li>{@code StageResolver}: global ARGs and stages, the target stage;</li>
 *   <li>{@code StageEvaluator} with {@code ImageState}, {@code InstructionWords} and {@code PlatformArgs}: ARG, ENV,
 *       LABEL, EXPOSE and ONBUILD triggers along the target's FROM chain;</li>
 *   <li>{@code ShellLexer} with {@code ShellPattern}: quote removal and variable expansion of one word;</li>
 *   <li>{@code ExposeParser}: one expanded EXPOSE word to a port (addresses checked by the net package).</li>
 * </ul>
 *
 * <p>Where we deliberately differ from BuildKit, always by refusing rather than guessing:
 * <ul>
 *   <li>an EXPOSE word that expands to nothing is an error naming the variable (BuildKit silently exposes nothing),
 *       unless a {@code ${VAR:+...}} or {@code ${VAR-...}} form made the emptiness explicit;</li>
 *   <li>port 0 is refused (Docker records it, no firewall can open it).</li>
 * </ul>
 * What we cannot know: the platform ARGs read as a linux/amd64 build on linux/amd64; a base image outside the
 * Dockerfile contributes no ENV, EXPOSE, LABEL or ONBUILD (the descriptor lists ports such an image exposes); the
 * PATH default BuildKit adds to the environment is not modelled. Checks BuildKit makes on instructions that do not
 * affect metadata (COPY sources, RUN mounts, HEALTHCHECK options) are not repeated, except the JSON exec form.
 */
package io.github.fermmavenplugin.dockerfile;
