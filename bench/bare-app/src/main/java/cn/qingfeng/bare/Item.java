package cn.qingfeng.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** One table, so that Hibernate and Flyway start as they do in the API. */
@Entity
public class Item extends PanacheEntityBase {
    @Id
    public UUID id;
    public String title;
}
