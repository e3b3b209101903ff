package cn.qingfeng.bulk.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** What the commit did with one record's row: the result page links to the record. */
@Entity
@Table(name = "import_outcome")
@IdClass(ImportOutcomeEntity.Key.class)
public class ImportOutcomeEntity {

    public record Key(UUID jobId, int row) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public UUID jobId;

    @Id
    @Column(name = "row_no")
    public int row;

    public UUID recordId;

    public String code;

    public String title;

    public String outcome;
}
