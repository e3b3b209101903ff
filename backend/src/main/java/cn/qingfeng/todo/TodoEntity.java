package cn.qingfeng.todo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One person's to-do in one flow (unique per flow and receiver); its id stays for its whole life.
 * Updates write only what changed: marking it read and reconciling it never undo each other.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "todo")
public class TodoEntity {

    @Id
    public UUID id;

    @Column(updatable = false)
    public String flowType;

    @Column(updatable = false)
    public UUID flowId;

    @Column(updatable = false)
    public String receiverSubject;

    /** OPEN, DONE, FINISHED or WITHDRAWN ({@link TodoState}). */
    public String state;

    /** What is asked (once not open: what was last asked), comma-separated. */
    public String kinds;

    public String title;

    public String stepName;

    public String flowName;

    public String link;

    public UUID unitId;

    public LocalDate due;

    public LocalDate visibleFrom;

    /** When it first opened. */
    @Column(updatable = false)
    public Instant createdAt;

    /** When it took its state (or last changed). */
    public Instant changedAt;

    /** Increases with every change, as its journal events carry it. */
    public long version;

    public Instant readAt;

    public List<String> kindList() {
        return kinds == null || kinds.isEmpty() ? List.of() : Arrays.asList(kinds.split(","));
    }
}
