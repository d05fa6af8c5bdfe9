/**
 * Network values that end up as ferm tokens: IP networks ({@link io.github.fermmavenplugin.net.Cidr}),
 * interface names ({@link io.github.fermmavenplugin.net.InterfaceName}), ports and protocols.
 *
 * <p>Each can only be built from valid text and always holds its normal form, so that whatever the ferm
 * writer prints from them is one plain token: ferm runs backticks as shell commands and silently drops
 * characters it does not know. Users' text that breaks a grammar is refused with an
 * {@link io.github.fermmavenplugin.diagnostic.InvalidValueException} saying what is wrong and what to write.
 * Nothing here resolves names: addresses are parsed by hand and host names are refused.
 */
package io.github.fermmavenplugin.net;
