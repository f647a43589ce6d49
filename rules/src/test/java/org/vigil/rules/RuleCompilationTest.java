package org.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/** Rule authors get their mistakes at compile time, named, never at a clinician's call. */
class RuleCompilationTest {

    private static List<Message> compile(String drl) {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        files.write("src/main/resources/org/vigil/probe/probe.drl", drl);
        KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        return builder.getResults().getMessages(Message.Level.ERROR);
    }

    @Test
    void aRuleOverAFieldTheFactDoesNotHaveFailsToCompileNamingTheProblem() {
        List<Message> errors = compile("""
                package org.vigil.probe;
                import org.vigil.rules.DraftOrder;
                rule "BAD-001: refers to a missing field"
                when
                    DraftOrder( dosageInMilligrams > 10 )
                then
                end
                """);

        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).getText()).contains("dosageInMilligrams");
    }

    @Test
    void aWellFormedRuleOverTheFactModelCompiles() {
        assertThat(compile("""
                        package org.vigil.probe;
                        import org.vigil.rules.DraftOrder;
                        rule "OK-001: any checked draft order"
                        when
                            DraftOrder( checked )
                        then
                        end
                        """)).isEmpty();
    }

    @Test
    void everyShippedRuleNameStartsWithAStableId() {
        var container = KieServices.get().getKieClasspathContainer();
        var names = java.util.stream.Stream.of(CheckEngine.KIE_BASE, CheckEngine.PATIENT_VIEW_KIE_BASE)
                .map(container::getKieBase)
                .flatMap(kieBase -> kieBase.getKiePackages().stream())
                .flatMap(pkg -> pkg.getRules().stream())
                .map(org.kie.api.definition.rule.Rule::getName)
                .toList();

        assertThat(names).isNotEmpty().allMatch(name -> name.matches("[A-Z]{3}(-[A-Z0-9]+)+: .+"));
    }
}
