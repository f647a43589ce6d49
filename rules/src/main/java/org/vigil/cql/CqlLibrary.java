package org.vigil.cql;

import java.util.List;
import java.util.Set;
import org.hl7.elm.r1.VersionedIdentifier;

/**
 * A translated CQL library: its name, version and the expressions it defines. Obtained from {@link
 * CqlLibraries#translate(String)}; evaluated with {@link CqlEvaluator}.
 */
public final class CqlLibrary {

    private final String name;
    private final String version;
    private final Set<String> expressionNames;
    private final List<CqlDataRequirement> dataRequirements;

    CqlLibrary(String name, String version, Set<String> expressionNames, List<CqlDataRequirement> dataRequirements) {
        this.name = name;
        this.version = version;
        this.expressionNames = Set.copyOf(expressionNames);
        this.dataRequirements = List.copyOf(dataRequirements);
    }

    public String name() {
        return name;
    }

    /** The declared version, or {@code null} when the library declares none. */
    public String version() {
        return version;
    }

    /** The names of the expressions (define statements, not functions) the library declares. */
    public Set<String> expressionNames() {
        return expressionNames;
    }

    /**
     * The retrieves of the library's own statements (not of included libraries), in order of first
     * appearance, without duplicates: what a client must supply for the library to see all its data.
     */
    public List<CqlDataRequirement> dataRequirements() {
        return dataRequirements;
    }

    /** A fresh identifier each time: the engine may fill in fields of the one it is given. */
    VersionedIdentifier identifier() {
        return new VersionedIdentifier().withId(name).withVersion(version);
    }

    @Override
    public String toString() {
        return version == null ? name : name + " version '" + version + "'";
    }
}
