package cn.qingfeng.user;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** People are not unit-owned records: their directory is read by subject. */
@ApplicationScoped
public class AppUserRepository implements PanacheRepositoryBase<AppUserEntity, String> {
}
