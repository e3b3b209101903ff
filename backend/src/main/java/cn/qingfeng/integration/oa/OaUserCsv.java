package cn.qingfeng.integration.oa;

import cn.qingfeng.attachment.ContentDisposition;
import cn.qingfeng.common.input.InputRules;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.integration.oa.OaUserViews.ImportProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The import file of the OA people mapping: CSV with the header row {@code oaLogin,username,displayName}
 * (in any order; displayName may be left out), UTF-8 with or without a BOM, as Excel or the OA
 * exports it. Reads every line and names every problem; the caller decides (all lines or none).
 */
final class OaUserCsv {

    static final long MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_LINES = 10_000;
    private static final Pattern USERNAME = Pattern.compile(OaUserRequests.USERNAME);
    private static final List<String> COLUMNS = List.of("oaLogin", "username", "displayName");

    /** One good line: its number in the file, the login, the username (lower case) and the name. */
    record Line(int number, String oaLogin, String username, String displayName) {
    }

    /** The good lines, every problem, and how many data lines (blank ones aside) the file has. */
    record Parsed(List<Line> lines, List<ImportProblem> problems, int read) {
    }

    private OaUserCsv() {
    }

    static Parsed read(String fileName, Path file) {
        ContentDisposition.problem(fileName).ifPresent(p -> {
            throw ProblemException.invalidField("file", p);
        });
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw ProblemException.invalidField("file", "请上传 CSV 文件（.csv，UTF-8 编码）");
        }
        String text = decode(file);
        List<ImportProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int read = 0;
        try (Reader reader = new StringReader(text)) {
            Map<String, Integer> columns = null;
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : CSVFormat.EXCEL.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
                int number = (int) record.getRecordNumber();
                List<String> cells = new ArrayList<>();
                record.forEach(c -> cells.add(c.strip()));
                if (columns == null) {
                    columns = header(cells, number, problems);
                    if (columns == null) {
                        break;
                    }
                    continue;
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (++read > MAX_LINES) {
                    problems.add(new ImportProblem(number, "file", null, "一次最多导入 " + MAX_LINES + " 行"));
                    break;
                }
                line(cells, columns, number, seen, lines, problems);
            }
            if (columns == null && problems.isEmpty()) {
                problems.add(new ImportProblem(1, "file", null, "文件为空：第一行须为表头 oaLogin,username,displayName"));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new ImportProblem(1, "file", null, "CSV 文件格式有误（引号未闭合或行结构损坏）"));
        }
        return new Parsed(lines, problems, read);
    }

    private static Map<String, Integer> header(List<String> cells, int number, List<ImportProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i);
            Optional<String> known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
            if (known.isEmpty() || columns.putIfAbsent(known.get(), i) != null) {
                problems.add(new ImportProblem(number, "file", name, "表头只能是 oaLogin、username、displayName（各一次）"));
                return null;
            }
        }
        if (!columns.containsKey("oaLogin") || !columns.containsKey("username")) {
            problems.add(new ImportProblem(number, "file", String.join(",", cells), "表头须包含 oaLogin 与 username 两列"));
            return null;
        }
        return columns;
    }

    private static void line(List<String> cells, Map<String, Integer> columns, int number, Set<String> seen, List<Line> lines,
                             List<ImportProblem> problems) {
        if (cells.size() > columns.size()) {
            problems.add(new ImportProblem(number, "file", null, "本行的列数多于表头"));
            return;
        }
        String login = cell(cells, columns.get("oaLogin"));
        String username = cell(cells, columns.get("username")).toLowerCase(Locale.ROOT);
        String name = columns.containsKey("displayName") ? cell(cells, columns.get("displayName")) : "";
        int before = problems.size();
        String loginProblem = OaUserService.loginProblem(login);
        if (loginProblem != null) {
            problems.add(new ImportProblem(number, "oaLogin", login, loginProblem));
        } else if (!seen.add(login)) {
            problems.add(new ImportProblem(number, "oaLogin", login, "OA 账号 " + login + " 在文件中出现了两次"));
        }
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new ImportProblem(number, "username", username, OaUserRequests.USERNAME_MESSAGE));
        }
        Optional<String> nameProblem = name.length() > 200 ? Optional.of("最长 200 个字符") : InputRules.textProblem(name);
        nameProblem.ifPresent(p -> problems.add(new ImportProblem(number, "displayName", name, "姓名" + p)));
        if (problems.size() == before) {
            lines.add(new Line(number, login, username, name.isEmpty() ? null : name));
        }
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** Strict UTF-8 (a BOM is skipped): a file saved as GBK is refused, not read as garbled names. */
    private static String decode(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ProblemException(413, "oa-user.import-too-large", "Payload Too Large",
                        "导入文件超过上限 " + MAX_BYTES + " 字节");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(422, "oa-user.import-not-utf8", "Unprocessable Content",
                    "文件不是 UTF-8 编码（Excel 请另存为“CSV UTF-8”）");
        }
    }
}
