package cn.qingfeng.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * Guards for the data scope: resources never reach the database themselves (they would bypass
 * the repositories that take the caller's scope), and only the journal reads events directly.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.qingfeng");

    @Test
    void resourcesDoNotTouchTheDatabase() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .because("resources stay thin; services and repositories apply the caller's scope")
                .check(CLASSES);
    }

    @Test
    void ledgersDoNotReadTheJournalTableDirectly() {
        // Journal listeners (the outbox, the to-dos) are handed each event as it is recorded: that is their input.
        noClasses().that().resideOutsideOfPackage("cn.qingfeng.journal..")
                .and().doNotImplement(cn.qingfeng.journal.JournalListener.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.qingfeng.journal.EventEntity")
                .because("the journal is read through JournalService (timelines) and written through Journal")
                .check(CLASSES);
    }
}
