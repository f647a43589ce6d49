package org.vigil.cql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cqframework.cql.cql2elm.CqlCompilerException;
import org.cqframework.cql.cql2elm.CqlCompilerOptions;
import org.cqframework.cql.cql2elm.CqlTranslator;
import org.cqframework.cql.cql2elm.LibraryBuilder;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.cqframework.cql.cql2elm.ModelManager;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.cqframework.cql.cql2elm.quick.FhirLibrarySourceProvider;
import org.cqframework.cql.elm.tracking.TrackBack;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.FunctionDef;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.VersionedIdentifier;

/**
 * Translates CQL libraries to ELM once, ahead of any request, and keeps them for evaluation.
 *
 * <p>One {@link ModelManager} (FHIR 4.0.1 model info) and one {@link LibraryManager} serve every
 * translation, so model info and FHIRHelpers (from the {@code quick} artifact) are loaded once; a
 * later library that includes an earlier one (translate dependencies first) reuses its ELM. A
 * library with errors is rejected with a {@link CqlTranslationException} listing every error with
 * its line and column; nothing of it is kept.
 *
 * <p>Evaluation reads an immutable snapshot of the translated libraries through a library manager
 * that has no library sources: a library that was not translated here fails at evaluation instead
 * of being translated on the request path. Translation is serialised; reading is lock-free.
 */
public final class CqlLibraries {

    private final ModelManager modelManager = new ModelManager();
    /**
     * The translator's defaults, except that every function call carries the signature it was
     * resolved to: the engine then looks the definition up once per call site and keeps it, instead
     * of matching the argument values' runtime types against the candidates on every call (the
     * translator already chose the overload, so the result is the same).
     */
    private final CqlCompilerOptions options =
            CqlCompilerOptions.defaultOptions().withSignatureLevel(LibraryBuilder.SignatureLevel.All);

    private final LibraryManager translationManager;
    private final Map<String, CqlLibrary> byName = new HashMap<>();

    private volatile LibraryManager runtimeManager;

    public CqlLibraries() {
        translationManager = new LibraryManager(modelManager, options);
        translationManager.getLibrarySourceLoader().registerProvider(new FhirLibrarySourceProvider());
        runtimeManager = new LibraryManager(modelManager, options, Map.of());
    }

    /**
     * Translates one library given as CQL text.
     *
     * @throws CqlTranslationException when the library has errors, listing each with its position
     */
    public synchronized CqlLibrary translate(String cqlSource) {
        CqlTranslator translator = CqlTranslator.fromText(cqlSource, translationManager);
        CompiledLibrary compiled = translator.getTranslatedLibrary();
        String name = compiled != null && compiled.getIdentifier() != null
                ? compiled.getIdentifier().getId()
                : "(unnamed library)";
        List<CqlCompilerException> errors = translator.getErrors();
        if (!errors.isEmpty()) {
            throw new CqlTranslationException(
                    name, errors.stream().map(e -> toError(name, e)).toList());
        }
        if (compiled.getIdentifier() == null || compiled.getIdentifier().getId() == null) {
            throw new CqlTranslationException(
                    name, List.of(new CqlError(name, 1, 1, "a library needs a 'library Name version' header")));
        }
        VersionedIdentifier id = compiled.getIdentifier();
        // The engine finds definitions by binary search on their names; the library manager sorts the
        // statements of libraries it compiles itself (includes), the translator does not.
        if (compiled.getLibrary().getStatements() != null) {
            compiled.getLibrary().getStatements().getDef().sort(Comparator.comparing(ExpressionDef::getName));
        }
        translationManager.getCompiledLibraries().put(id, compiled);

        Map<VersionedIdentifier, CompiledLibrary> snapshot = new HashMap<>(runtimeManager.getCompiledLibraries());
        snapshot.putAll(translationManager.getCompiledLibraries());
        runtimeManager = new LibraryManager(modelManager, options, Map.copyOf(snapshot));

        CqlLibrary library = new CqlLibrary(
                id.getId(),
                id.getVersion(),
                expressionNames(compiled.getLibrary()),
                DataRequirements.of(compiled.getLibrary()));
        byName.put(library.name(), library);
        return library;
    }

    /** Translates a library read from the class path (UTF-8), for example one shipped with a pack. */
    public CqlLibrary translateResource(String classpathResource) {
        try (InputStream in = CqlLibraries.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("No CQL resource on the class path: " + classpathResource);
            }
            return translate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathResource, e);
        }
    }

    /** A library translated earlier, by name. */
    public synchronized Optional<CqlLibrary> library(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The read-only library manager evaluation uses; it holds every library translated so far. */
    LibraryManager runtimeLibraryManager() {
        return runtimeManager;
    }

    private static Set<String> expressionNames(Library library) {
        Set<String> names = new LinkedHashSet<>();
        if (library.getStatements() != null) {
            for (ExpressionDef def : library.getStatements().getDef()) {
                if (!(def instanceof FunctionDef)) {
                    names.add(def.getName());
                }
            }
        }
        return names;
    }

    private static CqlError toError(String library, CqlCompilerException e) {
        TrackBack at = e.getLocator();
        if (at == null) {
            return new CqlError(library, 0, 0, e.getMessage());
        }
        String in = at.getLibrary() != null && at.getLibrary().getId() != null
                ? at.getLibrary().getId()
                : library;
        return new CqlError(in, at.getStartLine(), at.getStartChar(), e.getMessage());
    }
}
