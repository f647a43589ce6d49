package org.vigil.service.packs;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.vigil.service.VigilProperties;

/** Pack upload is there only when vigil.packs.authoring-enabled says so: it is not protected yet. */
class PackAuthoringSwitchTest {

    private final ReactiveWebApplicationContextRunner context = new ReactiveWebApplicationContextRunner()
            .withUserConfiguration(PackAuthoring.class)
            .withBean(RulePacks.class, RulePacks::none)
            .withBean(FhirContext.class, FhirContext::forR4Cached)
            // never asked to load anything here, so no (costly) FHIR model resolver
            .withBean(RulePackLoader.class, () -> new RulePackLoader(FhirContext.forR4Cached(), null))
            .withBean(VigilProperties.class, () -> new VigilProperties(null, null, null, null, null, null));

    @Test
    void offUnlessEnabled() {
        context.run(app -> assertThat(app).doesNotHaveBean(RouterFunction.class));
        context.withPropertyValues("vigil.packs.authoring-enabled=false")
                .run(app -> assertThat(app).doesNotHaveBean(RouterFunction.class));
        context.withPropertyValues("vigil.packs.authoring-enabled=true")
                .run(app -> assertThat(app).hasSingleBean(RouterFunction.class));
    }
}
