package org.vigil.service.packs;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.TriggerDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cdshooks.hook.HookDefinition;
import org.vigil.cdshooks.hook.Hooks;
import org.vigil.cdshooks.prefetch.InvalidPrefetchTemplateException;
import org.vigil.cdshooks.prefetch.PrefetchTemplate;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.Link;
import org.vigil.cql.CqlError;
import org.vigil.cql.CqlEvaluator;
import org.vigil.cql.CqlLibraries;
import org.vigil.cql.CqlLibrary;
import org.vigil.cql.CqlTranslationException;
import org.vigil.cql.ValueSetTerminology;
import org.vigil.service.hooks.VigilCdsService;

/**
 * Reads a rule pack (a folder of FHIR JSON resources, or one Bundle) and prepares it to be served:
 * every library is translated now, every PlanDefinition is checked against its library and the
 * hooks Vigil knows, and prefetch templates are derived from the library's retrieves. Anything
 * wrong rejects the whole pack with a {@link RulePackException}.
 *
 * <p>Each pack gets its own {@link CqlLibraries}, so two packs may use the same library name without
 * seeing each other's definitions; the FHIR model resolver is shared (costly to build).
 */
public final class RulePackLoader {

    private static final Logger log = LoggerFactory.getLogger(RulePackLoader.class);

    private final FhirContext fhir;
    private final R4FhirModelResolver modelResolver;

    public RulePackLoader(FhirContext fhir, R4FhirModelResolver modelResolver) {
        this.fhir = fhir;
        this.modelResolver = modelResolver;
    }

    /** A pack from a folder of {@code *.json} files (each a resource or a Bundle), or from one Bundle file. */
    public RulePack load(Path location) {
        String id = location.getFileName().toString().replaceFirst("\\.json$", "");
        List<IBaseResource> resources = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                            .sorted()
                            .toList()) {
                        resources.add(parse(id, file.getFileName().toString(), Files.readString(file)));
                    }
                }
            } else {
                resources.add(parse(id, location.getFileName().toString(), Files.readString(location)));
            }
        } catch (IOException e) {
            throw new RulePackException(id, "cannot read " + location + ": " + e.getMessage(), List.of(), e);
        }
        return load(id, resources);
    }

    /** A pack from named JSON documents (e.g. class-path resources), in the order given. */
    public RulePack load(String id, Map<String, InputStream> documents) {
        List<IBaseResource> resources = new ArrayList<>();
        documents.forEach((name, in) -> {
            try (in) {
                resources.add(parse(id, name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new RulePackException(id, "cannot read " + name + ": " + e.getMessage(), List.of(), e);
            }
        });
        return load(id, resources);
    }

    private IBaseResource parse(String pack, String name, String json) {
        try {
            return fhir.newJsonParser().parseResource(json);
        } catch (DataFormatException e) {
            throw new RulePackException(
                    pack, name + " is not a FHIR R4 JSON resource: " + e.getMessage(), List.of(), e);
        }
    }

    /** A pack from parsed resources; Bundles are opened. */
    public RulePack load(String id, List<? extends IBaseResource> given) {
        List<Library> libraries = new ArrayList<>();
        List<PlanDefinition> plans = new ArrayList<>();
        List<ValueSet> valueSets = new ArrayList<>();
        Map<String, ActivityDefinition> definitions = new HashMap<>();
        List<IBaseResource> resources = new ArrayList<>();
        for (IBaseResource resource : given) {
            if (resource instanceof Bundle bundle) {
                bundle.getEntry().stream()
                        .filter(Bundle.BundleEntryComponent::hasResource)
                        .forEach(e -> resources.add(e.getResource()));
            } else {
                resources.add(resource);
            }
        }
        for (IBaseResource resource : resources) {
            if (resource instanceof Library library) {
                libraries.add(library);
            } else if (resource instanceof PlanDefinition plan) {
                plans.add(plan);
            } else if (resource instanceof ValueSet valueSet) {
                valueSets.add(valueSet);
            } else if (resource instanceof ActivityDefinition definition) {
                if (definition.hasUrl()) {
                    definitions.put(definition.getUrl(), definition);
                }
                if (definition.getIdElement().hasIdPart()) {
                    definitions.put(
                            "ActivityDefinition/" + definition.getIdElement().getIdPart(), definition);
                }
            } else {
                log.info(
                        "Rule pack {}: {} resource ignored (packs hold Library, PlanDefinition, ValueSet, ActivityDefinition)",
                        id,
                        resource.fhirType());
            }
        }
        if (plans.isEmpty()) {
            throw new RulePackException(id, "it holds no PlanDefinition");
        }

        long start = System.nanoTime();
        CqlLibraries cql = new CqlLibraries();
        Map<String, CqlLibrary> byReference = new HashMap<>();
        List<CqlError> errors = new ArrayList<>();
        for (Library library : libraries) {
            String source = cqlSource(id, library);
            try {
                CqlLibrary translated = cql.translate(source);
                byReference.put(translated.name(), translated);
                if (library.hasUrl()) {
                    byReference.put(library.getUrl(), translated);
                    if (library.hasVersion()) {
                        byReference.put(library.getUrl() + "|" + library.getVersion(), translated);
                    }
                }
            } catch (CqlTranslationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(
                    id,
                    "its CQL does not translate:\n"
                            + String.join(
                                    "\n", errors.stream().map(e -> "  " + e).toList()),
                    errors,
                    null);
        }
        long translationMillis = (System.nanoTime() - start) / 1_000_000;

        ValueSetTerminology terminology;
        try {
            terminology = ValueSetTerminology.of(valueSets);
        } catch (IllegalArgumentException e) {
            throw new RulePackException(id, e.getMessage(), List.of(), e);
        }
        CqlEvaluator evaluator = new CqlEvaluator(cql, terminology, modelResolver);

        List<PackService> services = new ArrayList<>();
        String version = null;
        for (PlanDefinition plan : plans) {
            PackService service = service(id, plan, byReference, definitions, evaluator);
            services.add(service);
            version = version == null ? service.library().version() : version;
        }
        String packVersion = version;
        List<PackService> versioned = services.stream()
                .map(s -> new PackService(
                        s.pack(), packVersion, s.service(), s.prefetchKeys(), s.library(), s.evaluator(), s.actions()))
                .toList();
        return new RulePack(id, packVersion, versioned, translationMillis);
    }

    private static String cqlSource(String pack, Library library) {
        for (Attachment content : library.getContent()) {
            if (content.hasContentType() && content.getContentType().startsWith("text/cql") && content.hasData()) {
                return new String(content.getData(), StandardCharsets.UTF_8);
            }
        }
        throw new RulePackException(
                pack, "Library " + library.getIdElement().getIdPart() + " has no text/cql content with data");
    }

    private PackService service(
            String pack,
            PlanDefinition plan,
            Map<String, CqlLibrary> libraries,
            Map<String, ActivityDefinition> definitions,
            CqlEvaluator evaluator) {
        String id = plan.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            throw new RulePackException(pack, "a PlanDefinition has no id (it becomes the CDS service id)");
        }
        String where = "PlanDefinition " + id;
        HookDefinition hook = hook(pack, where, plan);
        if (plan.getLibrary().size() != 1) {
            throw new RulePackException(
                    pack,
                    where + " must name exactly one library (has "
                            + plan.getLibrary().size() + ")");
        }
        CanonicalType reference = plan.getLibrary().get(0);
        CqlLibrary library = libraries.get(reference.getValue());
        if (library == null) {
            throw new RulePackException(
                    pack, where + " names library " + reference.getValue() + ", which the pack does not hold");
        }
        List<PackAction> actions = new ArrayList<>();
        Actions reader = new Actions(pack, where, id, library, definitions);
        for (PlanDefinitionActionComponent action : plan.getAction()) {
            PackAction read = reader.action(action, false);
            if (read.isSuggestion()) {
                throw new RulePackException(
                        pack, where + " action " + read.ruleId() + ": a suggestion must be nested in a card's action");
            }
            actions.add(read);
        }
        if (actions.isEmpty()) {
            throw new RulePackException(pack, where + " has no action");
        }
        Map<String, PrefetchTemplate> templates;
        try {
            templates = PrefetchDerivation.templates(library.dataRequirements(), hook);
        } catch (InvalidPrefetchTemplateException e) {
            throw new RulePackException(pack, where + ": " + e.getMessage(), List.of(), e);
        }
        List<String> keys = List.copyOf(templates.keySet());
        String title = plan.hasTitle() ? plan.getTitle() : plan.getName();
        String description = plan.hasDescription() ? plan.getDescription() : title;
        VigilCdsService service = new VigilCdsService(id, hook, title, description, templates, keys, null);
        return new PackService(pack, library.version(), service, keys, library, evaluator, actions);
    }

    private static HookDefinition hook(String pack, String where, PlanDefinition plan) {
        List<String> names = new ArrayList<>();
        for (TriggerDefinition trigger :
                plan.getAction().stream().flatMap(a -> a.getTrigger().stream()).toList()) {
            if (trigger.getType() == TriggerDefinition.TriggerType.NAMEDEVENT && trigger.hasName()) {
                names.add(trigger.getName());
            }
        }
        List<String> distinct = names.stream().distinct().toList();
        if (distinct.size() != 1) {
            throw new RulePackException(
                    pack, where + " must have exactly one named-event trigger on its actions (has " + distinct + ")");
        }
        return Hooks.find(distinct.get(0))
                .orElseThrow(() -> new RulePackException(
                        pack,
                        where + " is triggered by " + distinct.get(0) + ", which is not a hook Vigil serves "
                                + Hooks.all().stream().map(HookDefinition::name).toList()));
    }

    /** Reads a PlanDefinition's action tree, checking every action against the library and the pack. */
    private static final class Actions {

        private final String pack;
        private final String where;
        private final String planId;
        private final CqlLibrary library;
        private final Map<String, ActivityDefinition> definitions;
        private final java.util.Set<String> ids = new java.util.HashSet<>();

        Actions(
                String pack,
                String where,
                String planId,
                CqlLibrary library,
                Map<String, ActivityDefinition> definitions) {
            this.pack = pack;
            this.where = where;
            this.planId = planId;
            this.library = library;
            this.definitions = definitions;
        }

        /**
         * One action and its children.
         *
         * @param conditioned whether an enclosing action has an applicability condition
         */
        PackAction action(PlanDefinitionActionComponent action, boolean conditioned) {
            String actionId = action.hasId() ? action.getId() : null;
            if (actionId == null || actionId.isBlank()) {
                throw new RulePackException(
                        pack, where + ": every action needs an id (it is part of the card's rule id)");
            }
            String at = where + " action " + actionId;
            if (!ids.add(actionId)) {
                throw new RulePackException(pack, at + ": another action of the PlanDefinition has the same id");
            }
            List<String> conditions = new ArrayList<>();
            for (PlanDefinition.PlanDefinitionActionConditionComponent condition : action.getCondition()) {
                if (condition.getKind() != PlanDefinition.ActionConditionKind.APPLICABILITY) {
                    throw new RulePackException(pack, at + ": only applicability conditions are supported");
                }
                conditions.add(expression(pack, at + " condition", condition.getExpression(), library));
            }
            boolean applicable = conditioned || !conditions.isEmpty();
            PackAction.Selection selection = PackAction.Selection.ANY;
            if (action.hasSelectionBehavior()) {
                String code = action.getSelectionBehaviorElement().getValueAsString();
                selection = PackAction.Selection.fromCode(code)
                        .orElseThrow(() -> new RulePackException(
                                pack, at + ": selectionBehavior '" + code + "' is not a FHIR selection behavior"));
            }
            List<PackAction> children = new ArrayList<>();
            for (PlanDefinitionActionComponent child : action.getAction()) {
                children.add(action(child, applicable));
            }
            long suggestions =
                    children.stream().filter(PackAction::isSuggestion).count();
            if (suggestions != 0 && suggestions != children.size()) {
                throw new RulePackException(
                        pack,
                        at + ": its nested actions mix suggestions and cards; nest suggestions (with a definition)"
                                + " in a card, and cards (without one) in a group");
            }
            PackSuggestion suggestion = suggestion(action, at);
            if (suggestion != null && !children.isEmpty()) {
                throw new RulePackException(pack, at + ": a suggestion cannot have nested actions");
            }
            boolean group = !children.isEmpty() && suggestions == 0;
            if (!applicable && !group && suggestion == null) {
                throw new RulePackException(pack, at + " has no applicability condition; it would show on every call");
            }
            if (!action.hasTitle() && !group) {
                throw new RulePackException(
                        pack,
                        at + " has no title (the card's summary"
                                + (suggestion != null ? ", here the suggestion's label" : "") + ")");
            }
            String summary = null;
            String detail = null;
            String indicator = null;
            for (PlanDefinition.PlanDefinitionActionDynamicValueComponent dynamic : action.getDynamicValue()) {
                if (suggestion != null || group) {
                    throw new RulePackException(
                            pack,
                            at + ": dynamicValue is supported on card actions only, not on suggestions or groups");
                }
                String path = dynamic.getPath() == null ? "" : dynamic.getPath().replaceFirst("^action\\.", "");
                String expression = expression(pack, at + " dynamicValue " + path, dynamic.getExpression(), library);
                switch (path) {
                    case "summary", "title" -> summary = expression;
                    case "detail", "description" -> detail = expression;
                    case "indicator", "priority" -> indicator = expression;
                    default ->
                        throw new RulePackException(
                                pack,
                                at + ": dynamicValue path '" + path
                                        + "' is not supported (summary, detail, indicator)");
                }
            }
            List<Link> links = new ArrayList<>();
            String sourceUrl = null;
            for (RelatedArtifact artifact : action.getDocumentation()) {
                if (artifact.hasUrl() && artifact.getUrl().startsWith("http")) {
                    String label = artifact.hasDisplay()
                            ? artifact.getDisplay()
                            : artifact.hasLabel() ? artifact.getLabel() : artifact.getUrl();
                    links.add(Link.absolute(label, artifact.getUrl()));
                    sourceUrl = sourceUrl == null ? artifact.getUrl() : sourceUrl;
                }
            }
            return new PackAction(
                    "pack:" + planId + "/" + actionId,
                    conditions,
                    action.hasTitle() ? action.getTitle() : null,
                    action.hasDescription() ? action.getDescription() : null,
                    indicator(action.getPriority()),
                    links,
                    sourceUrl,
                    summary,
                    detail,
                    indicator,
                    selection,
                    children,
                    suggestion);
        }

        /** The ActivityDefinition a suggestion creates, or null when the action names none. */
        private PackSuggestion suggestion(PlanDefinitionActionComponent action, String at) {
            if (!action.hasDefinitionCanonicalType()) {
                if (action.hasDefinition()) {
                    throw new RulePackException(
                            pack,
                            at + ": definition must be a canonical reference to an ActivityDefinition in the pack");
                }
                if (action.hasType()) {
                    throw new RulePackException(
                            pack,
                            at + " has a type but no definition: a suggestion names the ActivityDefinition it creates");
                }
                return null;
            }
            String type =
                    action.hasType() ? action.getType().getCodingFirstRep().getCode() : "create";
            if (!"create".equals(type)) {
                throw new RulePackException(pack, at + ": suggestion type '" + type + "' is not supported (create)");
            }
            String canonical = action.getDefinitionCanonicalType().getValue();
            ActivityDefinition definition = definitions.get(canonical.replaceFirst("\\|.*$", ""));
            if (definition == null) {
                throw new RulePackException(
                        pack, at + " names ActivityDefinition " + canonical + ", which the pack does not hold");
            }
            if (!PackSuggestion.supports(definition)) {
                throw new RulePackException(
                        pack,
                        at + ": ActivityDefinition " + canonical + " is of kind " + definition.getKind()
                                + "; suggestions create ServiceRequest or MedicationRequest");
            }
            String description = definition.hasDescription()
                    ? definition.getDescription()
                    : definition.hasTitle() ? definition.getTitle() : action.getTitle();
            return new PackSuggestion(definition, description == null ? canonical : description);
        }
    }

    /** Only references to a library expression by name: the language is text/cql(.identifier). */
    private static String expression(String pack, String at, Expression expression, CqlLibrary library) {
        if (expression == null || !expression.hasExpression()) {
            throw new RulePackException(pack, at + " has no expression");
        }
        String language = expression.getLanguage() == null ? "" : expression.getLanguage();
        if (!language.equals("text/cql")
                && !language.equals("text/cql.identifier")
                && !language.equals("text/cql-identifier")) {
            throw new RulePackException(
                    pack, at + ": language " + language + " is not supported (text/cql.identifier)");
        }
        String name = expression.getExpression().trim();
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
            name = name.substring(1, name.length() - 1);
        }
        if (!library.expressionNames().contains(name)) {
            throw new RulePackException(
                    pack, at + " names expression '" + name + "', which library " + library + " does not define");
        }
        return name;
    }

    /** routine → info, urgent and asap → warning, stat → critical; no priority is routine. */
    static Indicator indicator(PlanDefinition.RequestPriority priority) {
        if (priority == null || priority == PlanDefinition.RequestPriority.NULL) {
            return Indicator.INFO;
        }
        return switch (priority) {
            case STAT -> Indicator.CRITICAL;
            case URGENT, ASAP -> Indicator.WARNING;
            default -> Indicator.INFO;
        };
    }

    /** A dynamic indicator value: info/warning/critical, or a request priority. */
    static Indicator indicator(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Indicator.fromValue(v).orElseGet(() -> {
            try {
                return indicator(PlanDefinition.RequestPriority.fromCode(v));
            } catch (org.hl7.fhir.exceptions.FHIRException e) {
                return null;
            }
        });
    }
}
