package io.convene.poll;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** One participant's vote: the chosen options (one for single choice). Voting again replaces it. */
public record Ballot(@NotNull @Size(min = 1, max = 10) List<@NotNull UUID> optionIds) {
}
