package io.convene.poll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "poll_options")
public class PollOption {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "poll_id")
    private Poll poll;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String text;

    protected PollOption() {
    }

    PollOption(Poll poll, int position, String text) {
        this.id = UUID.randomUUID();
        this.poll = poll;
        this.position = position;
        this.text = text;
    }

    public UUID id() {
        return id;
    }

    public String text() {
        return text;
    }
}
