package cn.qingfeng.bulk.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One problem of a dry run, as its report shows it. */
@Entity
@Table(name = "import_problem")
@IdClass(ImportProblemEntity.Key.class)
public class ImportProblemEntity {

    public record Key(UUID jobId, int seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public UUID jobId;

    @Id
    public int seq;

    public String sheet;

    @Column(name = "row_no")
    public int row;

    @Column(name = "group_row")
    public int groupRow;

    public String columnName;

    public String cellValue;

    public String code;

    public String message;
}
