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

    /** The knowledge base declared in {@code META-INF/kmodule.xml}. */
    public static final String KIE_BASE = "vigil-checks";

    private final StatelessKieSession session;
    private final boolean rulesReadKnowledge;
    private volatile Bound bound;

    CheckEngine(KieBase kieBase) {
        this.session = kieBase.newStatelessKieSession();
        // Drools refuses a global no rule declares; checks that need the whole snapshot declare
        // "global org.vigil.knowledge.KnowledgeSnapshot knowledge".
        this.rulesReadKnowledge = kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getGlobalVariables().stream())
                .anyMatch(global -> global.getName().equals("knowledge"));
    }

    /** The rules shipped in this module's kjar. */
    public static CheckEngine shipped() {
        KieBase kieBase = KieServices.get().getKieClasspathContainer().getKieBase(KIE_BASE);
        return new CheckEngine(kieBase);
    }

    public List<Finding> evaluate(PatientContext context, KnowledgeSnapshot knowledge) {
        Objects.requireNonNull(context, "context");
        List<Finding> findings = new ArrayList<>();
        List<Command<?>> commands = new ArrayList<>(5);
        commands.add(CommandFactory.newSetGlobal("findings", findings));
        commands.add(CommandFactory.newSetGlobal("interactions", lookupFor(knowledge)));
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
