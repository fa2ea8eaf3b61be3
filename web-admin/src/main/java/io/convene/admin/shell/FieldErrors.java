package io.convene.admin.shell;

import com.vaadin.flow.component.HasValidation;
import io.convene.shared.InvalidInputException;
import java.util.function.Consumer;
import java.util.function.Function;

/** A service's refusal of input, shown where the person looks: each message under the field it names. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * @param fieldNamed the form's field for a service's field name, or null when the form has none
     * @param elsewhere  where a message for no shown field goes ("field: message")
     */
    public static void show(InvalidInputException refused, Function<String, HasValidation> fieldNamed, Consumer<String> elsewhere) {
        for (InvalidInputException.FieldError error : refused.errors()) {
            HasValidation field = fieldNamed.apply(error.field());
            if (field == null) {
                elsewhere.accept(error.field() + ": " + error.message());
            } else {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        }
    }
}
