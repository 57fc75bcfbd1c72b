package org.backprop.playground.session;

import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Features;
import org.backprop.playground.engine.Network;

/**
 * What a session's output map is drawn from, for {@link Thumbnail}: a copy of the network, the
 * inputs of a 2-D set (null for a set without a map) and its domain.
 */
public record MapView(Network network, Features features, Domain domain) {}
