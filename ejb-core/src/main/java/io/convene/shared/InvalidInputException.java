package io.convene.shared;

import java.util.List;

/** Input that passed the shape checks at the edge but that the domain rejects, field by field. */
public class InvalidInputException extends DomainException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    public record FieldError(String field, String message) {
    }
}
