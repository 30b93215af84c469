package io.fleetmesh.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * How the features are built inside (ModularityTest checks between them): controllers are adapters over feature
 * components, SQL stays out of them, and the domain says no with refusals, not HTTP statuses.
 */
class ArchitectureTest {

    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.fleetmesh.api");

    @Test
    void pagesDoNotCallRestControllers() {
        noClasses().that().haveSimpleNameEndingWith("Pages")
                .should().dependOnClassesThat(resideInAPackage("io.fleetmesh..").and(simpleNameEndingWith("Controller")))
                .check(classes);
    }

    @Test
    void controllersRunNoSql() {
        noClasses().that().areMetaAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .check(classes);
    }

    @Test
    void onlyTheWebLayerSpeaksHttpStatuses() {
        noClasses().that().areNotMetaAnnotatedWith(Controller.class)
                .and().areNotMetaAnnotatedWith(ControllerAdvice.class)
                .and().resideOutsideOfPackage("io.fleetmesh.api.web..")
                .should().dependOnClassesThat().areAssignableTo(ResponseStatusException.class)
                .orShould().dependOnClassesThat().areAssignableTo(ErrorResponseException.class)
                .check(classes);
    }
}
