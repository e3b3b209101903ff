package cn.qingfeng.report;

import cn.qingfeng.report.ReportViews.Figure;
import cn.qingfeng.report.ReportViews.Part;
import cn.qingfeng.report.ReportViews.Section;
import cn.qingfeng.report.ReportViews.Source;
import cn.qingfeng.rectification.RectificationEnums;
import cn.qingfeng.risk.RiskEnums;
import cn.qingfeng.statistics.StatisticsPeriod;
import cn.qingfeng.statistics.StatisticsService;
import cn.qingfeng.statistics.StatisticsViews;
import cn.qingfeng.statistics.StatisticsViews.Drill;
import cn.qingfeng.statistics.StatisticsViews.DrillList;
import cn.qingfeng.statistics.StatisticsViews.Statistics;
import cn.qingfeng.unit.UnitEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drafts the report from the statistics in the seed report's structure: an opening, 一、工作开展情况
 * (one paragraph per area of work, with the counted facts), 二、存在的问题 (the period's
 * rectification items grouped by category, 一是 / 二是 …) and 三、防范化解风险的措施 (the risks,
 * their control measures, and the reviews and reports: "杜绝迟报、漏报" only when none was late or
 * missing). Every number and every listed item is a figure with its drill and sources.
 */
@ApplicationScoped
public class ReportDrafter {

    /** Sub-points listed per group; more are summed up ("等 N 个问题"). */
    static final int ITEMS_PER_GROUP = 5;
    static final int SOURCES = 50;

    @Inject
    StatisticsService statistics;

    @Inject
    ReportRepository reports;

    public record Draft(String title, List<Section> sections, List<Figure> figures) {
    }

    public static String title(StatisticsPeriod p, UnitEntity unit) {
        return (unit == null || unit.parentId == null ? "" : unit.name) + p.words() + "全面从严治党工作开展情况报告";
    }

    public Draft draft(StatisticsPeriod p, UnitEntity unit) {
        Statistics s = statistics.statistics(p, unit == null ? null : unit.id);
        Figures f = new Figures(s);
        String we = unit == null || unit.parentId == null ? "我局" : "我单位";
        List<Section> sections = new ArrayList<>();
        sections.add(section("intro", Part.INTRO, "", p.words() + "，" + we + "加强思想政治教育，严明党的纪律，坚持不懈纠正“四风”问题，"
                + "坚决做到永葆初心本色、牢记使命担当。现将有关情况报告如下。", List.of()));

        // 一、工作开展情况
        f.begin();
        String study = "截至目前，" + we + "通过各种形式开展党风廉政主题学习共计" + f.n("records.STUDY", "党风廉政主题学习（次）")
                + "次，党风廉政工作部署共" + f.n("records.DEPLOYMENT", "党风廉政工作部署（次）")
                + "次，纪检干部参加专题培训" + f.n("records.TRAINING", "纪检干部专题培训（次）") + "次。时时提醒党员干部不越红线、不触底线、不碰高压线。";
        sections.add(section("work.study", Part.WORK, "（一）强化理论武装，筑牢政治忠诚。", study, f.used()));
        f.begin();
        String duty = "签订党风廉政建设责任书" + f.n("records.RESPONSIBILITY_LETTER", "签订党风廉政建设责任书（次）")
                + "次，组织开展廉政谈话" + f.n("records.INTEGRITY_TALK", "廉政谈话（次）")
                + "次，召开党风廉政专题会议" + f.n("records.MEETING", "党风廉政专题会议（次）")
                + "次，履行“第一责任人”职责，推动“四责”协同机制落地见效。督查督办方面，本期下发督办事项" + f.n("tasks.issued", "下发督办事项（件）")
                + "件，已办结" + f.n("tasks.done", "已办结（件）") + "件，其中按期办结" + f.n("tasks.onTime", "按期办结（件）")
                + "件、逾期办结" + f.n("tasks.late", "逾期办结（件）") + "件；当前逾期未办结" + f.n("tasks.overdue", "逾期未办结（件）")
                + "件；催办" + f.n("tasks.urged", "被催办（件）") + "件，逾期上报督查部门" + f.n("tasks.escalated", "逾期上报（件）") + "件。";
        sections.add(section("work.duty", Part.WORK, "（二）聚焦责任落实，压实工作责任。", duty, f.used()));
        f.begin();
        long found = f.value("rect.found");
        long closed = f.value("rect.status.CLOSED");
        String style = "开展监督检查" + f.n("records.INSPECTION", "监督检查（次）") + "次，全面检视能力作风方面存在的问题，本期查找问题"
                + f.n("rect.found", "查找问题（个）") + "个，已整改销号" + f.n("rect.status.CLOSED", "已整改销号（个）") + "个，整改完成率"
                + percent(closed, found) + "；限期整改事项按期销号" + f.n("rect.closedOnTime", "按期销号（个）") + "个。";
        sections.add(section("work.style", Part.WORK, "（三）强化纠树并举，推进作风建设。", style, f.used()));
        f.begin();
        String rules = "紧盯重大节假日等“四风”问题易发多发的节点，开展节点纪律检查" + f.n("records.HOLIDAY_DISCIPLINE", "节点纪律检查（次）")
                + "次，建立完善制度" + f.n("records.RULES", "建立完善制度（项）") + "项，把落实中央八项规定精神一抓到底，以风清气正的氛围助力构建清正廉洁的政治生态。";
        sections.add(section("work.rules", Part.WORK, "（四）坚持标本兼治，建立完善制度。", rules, f.used()));

        // 二、存在的问题: the period's items by category, the most serious first.
        int group = 0;
        for (RectificationEnums.Category c : RectificationEnums.Category.values()) {
            String key = "rect.category." + c.name();
            if (f.value(key) == 0) {
                continue;
            }
            f.begin();
            f.n(key, PROBLEM_GROUP.get(c) + "问题（个）");
            Drill d = f.drill(key);
            List<UUID> ids = statistics.query(d.list(), d.query()).ids(SOURCES);
            List<ReportRepository.Problem> items = reports.problems(ids);
            String text = points(items.stream().limit(ITEMS_PER_GROUP).map(ReportRepository.Problem::text).toList());
            if (f.value(key) > ITEMS_PER_GROUP) {
                text += "（本期共" + f.value(key) + "个此类问题，详见附件。）";
            }
            group++;
            sections.add(section("problems." + c.name(), Part.PROBLEMS, "（" + numeral(group) + "）" + PROBLEM_GROUP.get(c) + "存在的问题。",
                    text, f.used()));
        }
        if (group == 0) {
            f.begin();
            f.n("rect.found", "查找问题（个）");
            sections.add(section("problems.none", Part.PROBLEMS, "", "本期未查找出需要整改的问题。", f.used()));
        }

        // 三、防范化解风险的措施: the risks in the register by category, then reviews and reports.
        group = 0;
        for (RiskEnums.Category c : RiskEnums.Category.values()) {
            String key = "risks.category." + c.name();
            if (f.value(key) == 0) {
                continue;
            }
            f.begin();
            f.n(key, RISK_GROUP.get(c) + "风险点（个）");
            Drill d = f.drill(key);
            List<UUID> ids = statistics.query(d.list(), d.query()).ids(SOURCES);
            List<String> points = reports.riskLines(ids).stream().limit(ITEMS_PER_GROUP).map(ReportRepository.RiskLine::text).toList();
            String text = "共排查" + RISK_GROUP.get(c) + "风险点" + f.value(key) + "个，逐项明确责任人和管控措施。" + points(points);
            group++;
            sections.add(section("risks." + c.name(), Part.RISKS, "（" + numeral(group) + "）加强" + RISK_GROUP.get(c) + "风险防控。",
                    text, f.used()));
        }
        f.begin();
        long late = f.value("obligations.REVIEW.LATE") + f.value("obligations.REPORT.LATE");
        long missing = f.value("obligations.REVIEW.MISSING") + f.value("obligations.REPORT.MISSING");
        String reviews = "坚持风险分析研判预警机制，建立并及时更新风险工作台账。本期按期完成风险研判" + f.n("obligations.REVIEW.MET", "按期研判（次）")
                + "次、逾期完成" + f.n("obligations.REVIEW.LATE", "逾期研判（次）") + "次、未完成" + f.n("obligations.REVIEW.MISSING", "未研判（次）")
                + "次；重大风险按期报告" + f.n("obligations.REPORT.MET", "按期报告（次）") + "次、迟报" + f.n("obligations.REPORT.LATE", "迟报（次）")
                + "次、漏报" + f.n("obligations.REPORT.MISSING", "漏报（次）") + "次；调整风险等级" + f.n("risks.levelChanged", "风险等级调整（个）")
                + "个，落实管控措施涉及风险点" + f.n("risks.measuresDone", "落实管控措施的风险点（个）") + "个。"
                + (late == 0 && missing == 0
                        ? "压实各单位属地管理责任和第一责任人责任，杜绝迟报、漏报现象。"
                        : "对迟报、漏报的" + (late + missing) + "次研判、报告逐一督促整改，压实各单位属地管理责任和第一责任人责任。");
        group++;
        sections.add(section("risks.reviews", Part.RISKS, "（" + numeral(group) + "）增强风险意识，落实研判报告制度。", reviews, f.used()));
        return new Draft(title(p, unit), sections, f.figures());
    }

    private static Section section(String key, Part part, String heading, String text, List<String> figureKeys) {
        return new Section(key, part, heading, text, text, false, figureKeys);
    }

    static String percent(long n, long d) {
        return d == 0 ? "0%" : String.format("%.1f%%", 100.0 * n / d);
    }

    /** 一是…。二是…。 (a single point stands alone). */
    static String points(List<String> texts) {
        if (texts.size() == 1) {
            return texts.get(0);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            b.append(numeral(i + 1)).append("是").append(texts.get(i));
        }
        return b.toString();
    }

    static String numeral(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10));
        }
        return digits.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    static final Map<RectificationEnums.Category, String> PROBLEM_GROUP = Map.of(
            RectificationEnums.Category.STUDY, "理论学习方面",
            RectificationEnums.Category.POSITION_BUILDING, "阵地建设方面",
            RectificationEnums.Category.SECRECY, "保密工作方面",
            RectificationEnums.Category.IDEOLOGY, "意识形态方面",
            RectificationEnums.Category.WORK_STYLE, "作风建设方面",
            RectificationEnums.Category.INTEGRITY, "廉洁自律方面",
            RectificationEnums.Category.OTHER, "其他方面");

    static final Map<RiskEnums.Category, String> RISK_GROUP = Map.of(
            RiskEnums.Category.IDEOLOGY, "意识形态",
            RiskEnums.Category.SECRECY, "保密",
            RiskEnums.Category.INTEGRITY, "廉政",
            RiskEnums.Category.PUBLIC_OPINION, "网络舆情",
            RiskEnums.Category.WORK_STYLE, "作风",
            RiskEnums.Category.OTHER, "其他");

    /** The statistics' figures, and the ones the draft states with their labels and sources. */
    private final class Figures {
        final Map<String, StatisticsViews.Figure> all = new LinkedHashMap<>();
        final Map<String, Figure> used = new LinkedHashMap<>();
        List<String> current = new ArrayList<>();

        Figures(Statistics s) {
            s.figures().stream().filter(x -> x.dims().isEmpty()).forEach(x -> all.put(x.key(), x));
        }

        void begin() {
            current = new ArrayList<>();
        }

        List<String> used() {
            return List.copyOf(current);
        }

        long value(String key) {
            StatisticsViews.Figure x = all.get(key);
            return x == null ? 0 : x.value();
        }

        Drill drill(String key) {
            return all.get(key).drill();
        }

        /** States a figure: registers it (with its sources) for the section being drafted. */
        long n(String key, String label) {
            StatisticsViews.Figure x = all.get(key);
            if (x == null) {
                throw new IllegalStateException("no figure " + key);
            }
            if (!current.contains(key)) {
                current.add(key);
            }
            used.computeIfAbsent(key, k -> {
                List<Source> sources = x.value() == 0 ? List.of()
                        : reports.sources(x.drill().list(), statistics.query(x.drill().list(), x.drill().query()).ids(SOURCES));
                return new Figure(key, label, x.value(), null, false, x.drill(), sources);
            });
            return x.value();
        }

        List<Figure> figures() {
            return List.copyOf(used.values());
        }
    }
}
