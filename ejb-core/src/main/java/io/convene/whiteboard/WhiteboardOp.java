package io.convene.whiteboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One operation on a whiteboard: put (add or replace) an object, delete one, clear the board, or
 * undo one of the author's own earlier operations. The board is what replaying them in order gives.
 */
@Entity
@Table(name = "whiteboard_ops")
public class WhiteboardOp {

    public enum Kind { PUT, DELETE, CLEAR, UNDO }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "board_id", nullable = false)
    private UUID boardId;

    @Column(nullable = false)
    private long seq;

    @Column(name = "op_id", nullable = false)
    private String opId;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "object_id")
    private String objectId;

    @Column(name = "target_op")
    private String targetOp;

    @JdbcTypeCode(SqlTypes.JSON)
    private String shape;

    @Column(nullable = false)
    private Instant at;

    protected WhiteboardOp() {
    }

    WhiteboardOp(UUID boardId, long seq, String opId, UUID authorId, Kind kind, String objectId, String targetOp,
                 String shape, Instant at) {
        this.boardId = boardId;
        this.seq = seq;
        this.opId = opId;
        this.authorId = authorId;
        this.kind = kind;
        this.objectId = objectId;
        this.targetOp = targetOp;
        this.shape = shape;
        this.at = at;
    }

    public long seq() {
        return seq;
    }

    public String opId() {
        return opId;
    }

    public UUID authorId() {
        return authorId;
    }

    public Kind kind() {
        return kind;
    }

    public String objectId() {
        return objectId;
    }

    public String targetOp() {
        return targetOp;
    }

    public String shape() {
        return shape;
    }
}
