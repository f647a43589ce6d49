package org.vigil.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;
import org.vigil.interaction.InteractionLookup;
import org.vigil.knowledge.KnowledgeSnapshot;

/**
 * Evaluates the shipped checks over one patient context. The rules are compiled at build time
 * (executable model); one stateless session serves every request, and everything that belongs to a
 * single request (facts, knowledge snapshot, the findings list) travels inside that request's
 * command batch, so concurrent calls never share state.
 */
public final class CheckEngine {

    /** The medication checks run when orders are signed or selected ({@code META-INF/kmodule.xml}). */
    public static final String KIE_BASE = "vigil-checks";

    /** The chart checks run when a patient is opened: results and risk flags. */
    public static final String PATIENT_VIEW_KIE_BASE = "vigil-patient-view";

    private final StatelessKieSession session;
    private final boolean rulesReportFindings;
    private final boolean rulesReadInteractions;
    private final boolean rulesReadKnowledge;
    private volatile Bound bound;

    CheckEngine(KieBase kieBase) {
        this.session = kieBase.newStatelessKieSession();
        // Drools refuses a global no rule declares, so only the declared ones are set; checks that
        // need the whole snapshot declare "global org.vigil.knowledge.KnowledgeSnapshot knowledge".
        java.util.Set<String> globals = new java.util.HashSet<>();
        kieBase.getKiePackages()
                .forEach(pkg -> pkg.getGlobalVariables().forEach(global -> globals.add(global.getName())));
        this.rulesReportFindings = globals.contains("findings");
        this.rulesReadInteractions = globals.contains("interactions");
        this.rulesReadKnowledge = globals.contains("knowledge");
    }

    /** The medication checks shipped in this module's kjar. */
    public static CheckEngine shipped() {
        return shipped(KIE_BASE);
    }

    /** One knowledge base shipped in this module's kjar, by its kmodule name. */
    public static CheckEngine shipped(String kieBaseName) {
        KieBase kieBase = KieServices.get().getKieClasspathContainer().getKieBase(kieBaseName);
        // Each call runs in a fresh internal session. A Drools session pool (KieBase.newKieSessionsPool,
        // sessions reset between calls) was tried: 10% faster alone in JMH, no gain shown over HTTP
        // beyond run-to-run variance (docs/performance.md), so the simpler form stays.
        return new CheckEngine(kieBase);
    }

    public List<Finding> evaluate(PatientContext context, KnowledgeSnapshot knowledge) {
        Objects.requireNonNull(context, "context");
        List<Finding> findings = new ArrayList<>();
        List<Command<?>> commands = new ArrayList<>(5);
        if (!rulesReportFindings) {
            return findings;
        }
        commands.add(CommandFactory.newSetGlobal("findings", findings));
        if (rulesReadInteractions) {
            commands.add(CommandFactory.newSetGlobal("interactions", lookupFor(knowledge)));
        }
        if (rulesReadKnowledge) {
            commands.add(CommandFactory.newSetGlobal("knowledge", knowledge));
        }
        commands.add(CommandFactory.newInsertElements(context.facts()));
        commands.add(CommandFactory.newFireAllRules());
        session.execute(CommandFactory.newBatchExecution(commands));
        return findings;
    }

    /** The lookup is rebuilt only when a new knowledge snapshot comes into force. */
    private InteractionLookup lookupFor(KnowledgeSnapshot knowledge) {
        Bound current = bound;
        if (current == null || current.snapshot != knowledge) {
            current = new Bound(knowledge, new InteractionLookup(knowledge.interactions()));
            bound = current;
        }
        return current.lookup;
    }

    private record Bound(KnowledgeSnapshot snapshot, InteractionLookup lookup) {}
}
