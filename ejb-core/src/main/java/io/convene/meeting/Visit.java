package io.convene.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/** One stay of a participant in a meeting, from entering to leaving. */
@Embeddable
public class Visit {

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "left_at", nullable = false)
    private Instant leftAt;

    protected Visit() {
    }

    Visit(Instant joinedAt, Instant leftAt) {
        this.joinedAt = joinedAt;
        this.leftAt = leftAt;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant leftAt() {
        return leftAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Visit v && Objects.equals(joinedAt, v.joinedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(joinedAt);
    }
}
