package cn.qingfeng.report;

import cn.qingfeng.report.ReportViews.Figure;
import cn.qingfeng.report.ReportViews.ReportView;
import cn.qingfeng.report.ReportViews.Section;
import cn.qingfeng.report.ReportViews.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The report as a Word document, through a template: the built-in one lays it out as a government
 * document (GB/T 9704 style: 方正小标宋简体 title in 二号, 仿宋_GB2312 body in 三号 at a fixed 28 pt line,
 * 黑体 / 楷体_GB2312 headings, A4 margins 37/35/28/26 mm, page numbers "— n —"); the fonts are named in
 * the styles and come from the reader's machine. An admin's template uses the same placeholders.
 */
public final class ReportDocument {

    public static final List<String> PLACEHOLDERS = List.of(
            "{{title}}", "{{period}}", "{{unit}}", "{{date}}", "{{part:INTRO}}", "{{part:WORK}}", "{{part:PROBLEMS}}",
            "{{part:RISKS}}", "{{section:<key>}}", "{{figure:<key>}}", "{{appendix}}");

    static final String TITLE_STYLE = "QfTitle";
    static final String HEADING_STYLE = "QfHeading1";
    static final String BODY_STYLE = "QfBody";
    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体_GB2312";

    private static final Pattern BLOCK = Pattern.compile("\\{\\{(part|section):([A-Za-z0-9_.]+)}}|\\{\\{appendix}}");
    private static final Pattern INLINE = Pattern.compile("\\{\\{(title|period|unit|date|figure:[A-Za-z0-9_.]+)}}");

    private ReportDocument() {
    }

    /** The built-in template: the three parts' headings and the placeholders, in the styles above. */
    public static byte[] defaultTemplate() {
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            page(doc);
            paragraph(doc, TITLE_STYLE, "{{title}}");
            paragraph(doc, BODY_STYLE, "{{part:INTRO}}");
            paragraph(doc, HEADING_STYLE, "一、工作开展情况");
            paragraph(doc, BODY_STYLE, "{{part:WORK}}");
            paragraph(doc, HEADING_STYLE, "二、存在的问题");
            paragraph(doc, BODY_STYLE, "{{part:PROBLEMS}}");
            paragraph(doc, HEADING_STYLE, "三、防范化解风险的措施");
            paragraph(doc, BODY_STYLE, "{{part:RISKS}}");
            paragraph(doc, BODY_STYLE, "{{appendix}}");
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the bytes are a Word document this renderer can fill; the reason when not. */
    public static java.util.Optional<String> problem(byte[] template) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            if (!text.contains("{{part:") && !text.contains("{{section:")) {
                return java.util.Optional.of("模板中没有正文占位符（如 {{part:WORK}} 或 {{section:work.study}}）");
            }
            return java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.of("不是有效的 Word（.docx）文件");
        }
    }

    /** Fills the template with the report; {@code appendix}: the figures and their records as a table at {{appendix}}. */
    public static byte[] render(byte[] template, ReportView report, boolean appendix) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
            Map<String, Figure> figures = new java.util.HashMap<>();
            report.figures().forEach(f -> figures.put(f.key(), f));
            for (XWPFParagraph p : new ArrayList<>(doc.getParagraphs())) {
                String text = p.getText();
                Matcher block = BLOCK.matcher(text.strip());
                if (block.matches()) {
                    if (text.strip().equals("{{appendix}}")) {
                        if (appendix) {
                            appendix(doc, p, report);
                        }
                    } else {
                        List<Section> sections = "part".equals(block.group(1))
                                ? report.sections().stream().filter(s -> s.part().name().equals(block.group(2))).toList()
                                : report.sections().stream().filter(s -> s.key().equals(block.group(2))).toList();
                        for (Section s : sections) {
                            section(doc, p, s);
                        }
                    }
                    doc.removeBodyElement(doc.getPosOfParagraph(p));
                } else if (text.contains("{{")) {
                    inline(p, report, figures);
                }
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(XWPFDocument doc, XWPFParagraph at, Section s) {
        XmlCursor cursor = at.getCTP().newCursor();
        XWPFParagraph p = doc.insertNewParagraph(cursor);
        p.setStyle(at.getStyle() == null ? BODY_STYLE : at.getStyle());
        if (!s.heading().isEmpty()) {
            XWPFRun h = p.createRun();
            h.setText(s.heading());
            h.setFontFamily(SUBHEADING_FONT, XWPFRun.FontCharRange.eastAsia);
            h.setFontFamily(SUBHEADING_FONT, XWPFRun.FontCharRange.ascii);
        }
        XWPFRun body = p.createRun();
        body.setText(s.text());
    }

    private static void appendix(XWPFDocument doc, XWPFParagraph at, ReportView report) {
        XWPFParagraph heading = doc.insertNewParagraph(at.getCTP().newCursor());
        heading.setStyle(HEADING_STYLE);
        heading.setPageBreak(true);
        heading.createRun().setText("附件：数据来源");
        XWPFTable table = doc.insertNewTbl(at.getCTP().newCursor());
        var header = table.getRow(0);
        header.getCell(0).setText("数据项");
        header.addNewTableCell().setText("数值");
        header.addNewTableCell().setText("来源记录");
        for (Figure f : report.figures()) {
            var row = table.createRow();
            row.getCell(0).setText(f.label());
            row.getCell(1).setText(String.valueOf(f.value()));
            StringBuilder src = new StringBuilder();
            for (Source s : f.sources()) {
                src.append(src.isEmpty() ? "" : "；").append(s.code()).append(" ").append(s.title());
            }
            if (f.value() > f.sources().size()) {
                src.append(src.isEmpty() ? "" : "；").append("等共 ").append(f.value()).append(" 条");
            }
            row.getCell(2).setText(src.toString());
        }
    }

    private static void inline(XWPFParagraph p, ReportView report, Map<String, Figure> figures) {
        Matcher m = INLINE.matcher(p.getText());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "title" -> report.title();
                case "period" -> report.period().words();
                case "unit" -> report.unit() == null ? "" : report.unit().name();
                case "date" -> report.updatedAt().atZone(cn.qingfeng.common.time.AppClock.ZONE)
                        .format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
                default -> {
                    Figure f = figures.get(name.substring("figure:".length()));
                    yield f == null ? "" : String.valueOf(f.value());
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        // The placeholder may span runs: the first run takes the text, the others go.
        List<XWPFRun> runs = p.getRuns();
        for (int i = runs.size() - 1; i > 0; i--) {
            p.removeRun(i);
        }
        (runs.isEmpty() ? p.createRun() : runs.get(0)).setText(out.toString(), 0);
    }

    private static void paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
    }

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        styles.addStyle(style(TITLE_STYLE, "清风 标题", TITLE_FONT, 44, ParagraphAlignment.CENTER, 0));
        styles.addStyle(style(HEADING_STYLE, "清风 一级标题", HEADING_FONT, 32, ParagraphAlignment.LEFT, 640));
        styles.addStyle(style(BODY_STYLE, "清风 正文", BODY_FONT, 32, ParagraphAlignment.BOTH, 640));
    }

    /** A paragraph style: the font for Chinese and Latin text, size in half-points, a fixed 28 pt line, first-line indent in twips. */
    private static XWPFStyle style(String id, String name, String font, int halfPoints, ParagraphAlignment align, int indent) {
        CTStyle st = CTStyle.Factory.newInstance();
        st.setStyleId(id);
        st.setType(STStyleType.PARAGRAPH);
        st.addNewName().setVal(name);
        st.addNewQFormat();
        CTPPrGeneral ppr = st.addNewPPr();
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setLine(BigInteger.valueOf(560));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        ppr.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.Enum.forInt(align.getValue()));
        if (indent > 0) {
            ppr.addNewInd().setFirstLine(BigInteger.valueOf(indent));
        }
        CTRPr rpr = st.addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        return new XWPFStyle(st);
    }

    /** A4, GB/T 9704 margins, and the page number centred in the footer as "— n —". */
    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(2098));
        mar.setBottom(BigInteger.valueOf(1984));
        mar.setLeft(BigInteger.valueOf(1588));
        mar.setRight(BigInteger.valueOf(1474));
        mar.setFooter(BigInteger.valueOf(1247));
        mar.setHeader(BigInteger.valueOf(851));
        XWPFHeaderFooterPolicy policy = new XWPFHeaderFooterPolicy(doc, sect);
        XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun before = p.createRun();
        before.setText("— ");
        before.setFontFamily("宋体");
        before.setFontSize(14);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        XWPFRun after = p.createRun();
        after.setText(" —");
        after.setFontFamily("宋体");
        after.setFontSize(14);
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
