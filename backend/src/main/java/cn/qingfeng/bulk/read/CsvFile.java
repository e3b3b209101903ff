package cn.qingfeng.bulk.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as Excel saves it: on Chinese Windows GB18030 (GBK) without a BOM, elsewhere UTF-8 with a
 * BOM; CRLF; a trailing empty line. The encoding is the caller's choice, else a BOM's, else UTF-8
 * when the whole file decodes as UTF-8 and GB18030 when it does not.
 */
public final class CsvFile implements TableFile {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private final Path file;
    private final String sheet;
    private final Charset charset;
    private final int skip;

    CsvFile(Path file, String requested, String sheet) {
        this.file = file;
        this.sheet = sheet;
        int bom = bomLength(file);
        if (requested != null && !requested.equals("AUTO")) {
            this.charset = requested.equals("GB18030") ? GB18030 : StandardCharsets.UTF_8;
            this.skip = this.charset == StandardCharsets.UTF_8 ? bom : 0;
        } else if (bom > 0) {
            this.charset = StandardCharsets.UTF_8;
            this.skip = bom;
        } else {
            this.charset = decodesAsUtf8(file) ? StandardCharsets.UTF_8 : GB18030;
            this.skip = 0;
        }
    }

    @Override
    public String encoding() {
        return charset == StandardCharsets.UTF_8 ? "UTF_8" : "GB18030";
    }

    @Override
    public void read(RowSink sink) {
        CSVFormat format = CSVFormat.EXCEL.builder().setIgnoreEmptyLines(false).get();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file)); Reader reader = reader(in)) {
            for (CSVRecord record : format.parse(reader)) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(v -> cells.add(unneutralised(v)));
                // A spreadsheet's row number: the record's own line count would drift on cells with line breaks.
                try {
                    sink.row(sheet, (int) record.getRecordNumber(), cells);
                } catch (RuntimeException e) {
                    throw new FromSink(e);
                }
            }
        } catch (FromSink e) {
            throw e.failure;
        } catch (IOException | UncheckedIOException e) {
            throw TableFile.unreadable("import.csv-unreadable", "CSV 文件无法读取，请确认文件完整后重新上传");
        } catch (IllegalStateException e) {
            throw TableFile.unreadable("import.csv-malformed", "CSV 文件格式有误（引号未闭合或行结构损坏）");
        }
    }

    /**
     * The export writes text that a spreadsheet would take for a formula ({@code =}, {@code +},
     * {@code -}, {@code @}, tab, CR first) behind an apostrophe; reading it back takes it off, so the
     * round trip gives the text that was exported.
     */
    static String unneutralised(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** What the receiver of the rows threw, carried past the parser's own error handling. */
    private static final class FromSink extends RuntimeException {
        final RuntimeException failure;

        FromSink(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private Reader reader(InputStream in) throws IOException {
        long skipped = in.skip(skip);
        if (skipped != skip) {
            throw new IOException("short file");
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    private static int bomLength(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Streams the whole file through a strict UTF-8 decoder: GB18030 text almost never decodes as UTF-8. */
    static boolean decodesAsUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (var channel = Files.newByteChannel(file)) {
            while (true) {
                int n = channel.read(in);
                in.flip();
                var result = decoder.decode(in, out, n < 0);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
                if (n < 0) {
                    in.flip();
                    return !decoder.flush(out).isError() && !in.hasRemaining();
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
