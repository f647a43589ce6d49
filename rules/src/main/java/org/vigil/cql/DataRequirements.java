package org.vigil.cql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cqframework.cql.elm.utility.Visitors;
import org.hl7.elm.r1.Code;
import org.hl7.elm.r1.CodeDef;
import org.hl7.elm.r1.CodeRef;
import org.hl7.elm.r1.CodeSystemDef;
import org.hl7.elm.r1.Expression;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.Retrieve;
import org.hl7.elm.r1.ToList;
import org.hl7.elm.r1.ValueSetDef;
import org.hl7.elm.r1.ValueSetRef;

/** Lists the retrieves of a translated library (its own statements, functions included) as data requirements. */
final class DataRequirements {

    private DataRequirements() {}

    static List<CqlDataRequirement> of(Library library) {
        List<Retrieve> retrieves = new ArrayList<>();
        Visitors.<Void, Void>from((node, context) -> {
                    if (node instanceof Retrieve r) {
                        retrieves.add(r);
                    }
                    return null;
                })
                .visitLibrary(library, null);
        Set<CqlDataRequirement> requirements = new LinkedHashSet<>();
        for (Retrieve retrieve : retrieves) {
            if (retrieve.getDataType() == null) {
                continue;
            }
            String type = retrieve.getDataType().getLocalPart();
            Expression filter = retrieve.getCodes();
            if (filter == null) {
                requirements.add(new CqlDataRequirement(type, null, List.of(), List.of()));
                continue;
            }
            List<String> codes = new ArrayList<>();
            List<String> valueSets = new ArrayList<>();
            boolean resolved = collect(library, filter, codes, valueSets);
            requirements.add(
                    resolved && retrieve.getCodeProperty() != null
                            ? new CqlDataRequirement(type, retrieve.getCodeProperty(), codes, valueSets)
                            : new CqlDataRequirement(type, null, List.of(), List.of()));
        }
        return List.copyOf(requirements);
    }

    /** False when the filter is something other than codes and value sets defined in this library. */
    private static boolean collect(Library library, Expression filter, List<String> codes, List<String> valueSets) {
        if (filter instanceof ToList list) {
            return collect(library, list.getOperand(), codes, valueSets);
        }
        if (filter instanceof org.hl7.elm.r1.List list) {
            for (Expression element : list.getElement()) {
                if (!collect(library, element, codes, valueSets)) {
                    return false;
                }
            }
            return true;
        }
        if (filter instanceof CodeRef ref && ref.getLibraryName() == null) {
            Optional<String> key = codeKey(library, ref.getName());
            key.ifPresent(codes::add);
            return key.isPresent();
        }
        if (filter instanceof Code code
                && code.getSystem() != null
                && code.getSystem().getLibraryName() == null) {
            Optional<String> system = systemUrl(library, code.getSystem().getName());
            system.ifPresent(url -> codes.add(ValueSetTerminology.key(url, code.getCode())));
            return system.isPresent();
        }
        if (filter instanceof ValueSetRef ref && ref.getLibraryName() == null && library.getValueSets() != null) {
            for (ValueSetDef def : library.getValueSets().getDef()) {
                if (def.getName().equals(ref.getName())) {
                    valueSets.add(def.getId());
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<String> codeKey(Library library, String name) {
        if (library.getCodes() == null) {
            return Optional.empty();
        }
        for (CodeDef def : library.getCodes().getDef()) {
            if (def.getName().equals(name)
                    && def.getCodeSystem() != null
                    && def.getCodeSystem().getLibraryName() == null) {
                return systemUrl(library, def.getCodeSystem().getName())
                        .map(url -> ValueSetTerminology.key(url, def.getId()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> systemUrl(Library library, String name) {
        if (library.getCodeSystems() == null) {
            return Optional.empty();
        }
        return library.getCodeSystems().getDef().stream()
                .filter(def -> def.getName().equals(name))
                .map(CodeSystemDef::getId)
                .findFirst();
    }
}
