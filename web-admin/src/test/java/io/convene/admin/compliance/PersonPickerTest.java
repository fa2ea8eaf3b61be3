package io.convene.admin.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import io.convene.admin.shell.SignedIn;
import io.convene.search.SearchService;
import io.convene.shared.Caller;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The people picker of the compliance screens tells a leaver (deactivated) from a colleague, and asks for a choice. */
class PersonPickerTest {

    @BeforeEach
    void vaadin() {
        MockVaadin.setup();
        SignedIn.as(Caller.COMPLIANCE_OFFICER);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void aDeactivatedPersonIsMarkedAsSuch() {
        PersonPicker picker = new PersonPicker(new SearchService(), "Person");
        UUID id = UUID.randomUUID();
        assertThat(picker.getItemLabelGenerator().apply(new SearchService.PersonHit(id, "Lea Leaver", "lea@convene.example",
                null, false))).isEqualTo("Lea Leaver <lea@convene.example> (deactivated)");
        assertThat(picker.getItemLabelGenerator().apply(new SearchService.PersonHit(id, "Pablo", "pablo@convene.example",
                "Sales", true))).isEqualTo("Pablo <pablo@convene.example>");
    }

    @Test
    void nobodyChosenIsSaidNextToTheField() {
        PersonPicker picker = new PersonPicker(new SearchService(), "Person");
        assertThat(picker.chosen()).isNull();
        assertThat(picker.isInvalid()).isTrue();
        assertThat(picker.getErrorMessage()).isEqualTo("Choose a person");
    }
}
