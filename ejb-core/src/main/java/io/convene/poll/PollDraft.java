package io.convene.poll;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A poll to open: the question, 2 to 10 answers, single or multiple choice, named or anonymous. */
public record PollDraft(
        @NotBlank @Size(max = 500) String question,
        @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 200) String> options,
        boolean multiple,
        boolean anonymous) {
}
