package org.vigil.knowledge.lab;

/** The population a set of limits applies to. */
public enum Population {
    ADULT
}
