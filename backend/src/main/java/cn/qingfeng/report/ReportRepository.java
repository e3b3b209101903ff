package cn.qingfeng.report;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.report.ReportViews.Source;
import cn.qingfeng.statistics.StatisticsViews.DrillList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reports, their revisions and the template; and the words of the records a report cites. */
@ApplicationScoped
public class ReportRepository {

    @Inject
    EntityManager em;

    /** Reports the caller may see: the bureau's need a caller who sees every unit. */
    public ListQuery<ReportEntity> reports(DataScope scope) {
        return ListQuery.scoped(em, ReportEntity.class, scope, "e.unitId");
    }

    public Optional<ReportEntity> find(UUID id, DataScope scope, boolean lock) {
        ReportEntity r = lock ? em.find(ReportEntity.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(ReportEntity.class, id);
        if (r == null || !(scope.all() || (r.unitId != null && scope.contains(r.unitId)))) {
            return Optional.empty();
        }
        return Optional.of(r);
    }

    public List<ReportRevisionEntity> revisions(UUID reportId) {
        return em.createQuery("select r from ReportRevisionEntity r where r.reportId = :id order by r.version desc",
                ReportRevisionEntity.class).setParameter("id", reportId).getResultList();
    }

    public Optional<ReportTemplateEntity> template() {
        return Optional.ofNullable(em.find(ReportTemplateEntity.class, ReportTemplateEntity.ID));
    }

    public void removeTemplate() {
        em.createQuery("delete from ReportTemplateEntity t").executeUpdate();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    /** Code and title of records a figure counted, as the report's appendix and the SPA name them. */
    @SuppressWarnings("unchecked")
    public List<Source> sources(DrillList list, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = switch (list) {
            case ASSIGNMENTS -> "select a.id, t.code, t.title || '（' || u.name || '）', a.task_id from task_assignment a"
                    + " join task t on t.id = a.task_id join unit u on u.id = a.unit_id where a.id in (:ids) order by t.code, u.name";
            case RECORDS -> "select r.id, to_char(r.held_on, 'YYYY-MM-DD'), r.topic, a.task_id from task_record r"
                    + " join task_assignment a on a.id = r.assignment_id where r.id in (:ids) order by r.held_on, r.topic";
            case RECTIFICATIONS -> "select i.id, i.code, i.title, null from rectification_item i where i.id in (:ids) order by i.code";
            case RISKS -> "select k.id, k.code, k.name, null from risk k where k.id in (:ids) order by k.code";
            case OBLIGATIONS -> "select o.id, k.code, k.name || '（' || to_char(o.due_on, 'YYYY-MM-DD') || '）', k.id"
                    + " from risk_obligation o join risk k on k.id = o.risk_id where o.id in (:ids) order by o.due_on, k.code";
        };
        List<Source> out = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).setParameter("ids", ids).getResultList()) {
            out.add(new Source(list, (UUID) row[0], (String) row[1], (String) row[2], (UUID) row[3]));
        }
        return out;
    }

    /** A problem as part 二 lists it: the most serious first. */
    public record Problem(UUID id, String code, String title, String description, String severity) {
        public String text() {
            String t = description == null || description.isBlank() ? title : description.strip();
            return t.endsWith("。") ? t : t + "。";
        }
    }

    @SuppressWarnings("unchecked")
    public List<Problem> problems(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, code, title, description, severity from rectification_item"
                + " where id in (:ids) order by case severity when 'SERIOUS' then 0 when 'MODERATE' then 1 else 2 end, found_on, code")
                .setParameter("ids", ids).getResultList()) {
            out.add(new Problem((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
        }
        return out;
    }

    /** A risk as part 三 lists it: its name, level and control measures, the highest level first. */
    public record RiskLine(UUID id, String code, String name, String level, String measures) {
        public String text() {
            String lead = "针对“" + name + "”" + (level == null ? "" : "（" + LEVEL_WORDS.getOrDefault(level, "") + "风险）");
            if (measures == null || measures.isBlank()) {
                return lead + "，明确责任、跟踪管控。";
            }
            String m = measures.strip();
            return lead + "，" + (m.endsWith("。") ? m : m + "。");
        }
    }

    static final java.util.Map<String, String> LEVEL_WORDS = java.util.Map.of(
            "MAJOR", "重大", "SIGNIFICANT", "较大", "GENERAL", "一般", "LOW", "低");

    @SuppressWarnings("unchecked")
    public List<RiskLine> riskLines(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<RiskLine> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select k.id, k.code, k.name, k.level,"
                + " (select string_agg(rtrim(m.content, '。；;'), '；' order by m.sort_order) from measure m"
                + "   where m.owner_type = 'RISK' and m.owner_id = k.id and m.status <> 'WAIVED')"
                + " from risk k where k.id in (:ids)"
                + " order by case k.level when 'MAJOR' then 0 when 'SIGNIFICANT' then 1 when 'GENERAL' then 2 when 'LOW' then 3 else 4 end, k.code")
                .setParameter("ids", ids).getResultList()) {
            out.add(new RiskLine((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
        }
        return out;
    }
}
