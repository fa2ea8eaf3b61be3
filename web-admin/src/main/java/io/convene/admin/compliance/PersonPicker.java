package io.convene.admin.compliance;

import com.vaadin.flow.component.combobox.ComboBox;
import io.convene.admin.shell.Signed;
import io.convene.search.SearchService;
import java.util.stream.Stream;

/**
 * Finds a person by the start of their name or address (a typo forgiven), as the search API does;
 * deactivated people too (leavers are whom erasures are usually for), marked as such.
 */
class PersonPicker extends ComboBox<SearchService.PersonHit> {

    PersonPicker(SearchService search, String label) {
        super(label);
        setItemLabelGenerator(PersonPicker::label);
        setItems(query -> {
            String typed = query.getFilter().orElse("");
            int offset = query.getOffset(); // Vaadin insists both are read
            int limit = Math.min(query.getLimit(), 20);
            return typed.isBlank() || offset > 0 ? Stream.empty()
                    : search.people(Signed.user().caller(), typed, limit).stream();
        });
        setPlaceholder("Type a name or address");
        setWidth("28em");
        setRequiredIndicatorVisible(true);
        addValueChangeListener(e -> setInvalid(false));
    }

    static String label(SearchService.PersonHit p) {
        return p.name() + " <" + p.email() + ">" + (p.active() ? "" : " (deactivated)");
    }

    /** The chosen person, or null with the message shown next to the field. */
    SearchService.PersonHit chosen() {
        if (getValue() == null) {
            setErrorMessage("Choose a person");
            setInvalid(true);
        }
        return getValue();
    }
}
