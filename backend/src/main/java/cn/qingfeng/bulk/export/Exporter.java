package cn.qingfeng.bulk.export;

import cn.qingfeng.bulk.CellValues;
import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.time.AppClock;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.unit.UnitRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs an export: pages through the list's own query (each page in a short transaction of its own,
 * so no snapshot is held open for the whole file and loaded rows are let go page by page), writes
 * each page as it comes into a temporary file, journals the export, and answers the file, deleting
 * it once it is sent. The first page is read before anything is written: a filter or sort the list
 * refuses is the same 400 here.
 */
@ApplicationScoped
public class Exporter {

    private static final Logger LOG = Logger.getLogger(Exporter.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(AppClock.ZONE);
    /** Files of exports whose answer never went out (a crash, a dropped connection) are removed after this. */
    private static final Duration STALE = Duration.ofHours(1);
    public static final String ACTION = "export.created";
    public static final String ENTITY = "export";

    @Inject
    UnitRepository units;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    /** Every unit, inactive ones too (old records name them), as a sheet names them. */
    public UnitDirectory directory() {
        return new UnitDirectory(units.allInScope(DataScope.everything(), true));
    }

    public <T> Response export(ExportParams params, Object filter, Function<UnitDirectory, ExportSheet<T>> build) {
        ExportFormat format = ExportFormat.of(params.format);
        PageParams paging = new PageParams();
        paging.limit = config.pagination().maxLimit();
        paging.sort = params.sort;
        UnitDirectory directory = QuarkusTransaction.requiringNew().call(this::directory);
        ExportSheet<T> sheet = build.apply(directory);
        Page<T> page = QuarkusTransaction.requiringNew().call(() -> sheet.pages().page(paging));

        ExportFilters filters = ExportFilters.of(filter);
        Instant at = clock.instant();
        ExportInfo info = new ExportInfo(UUID.randomUUID(), sheet.label(), user.displayName(), user.username(),
                ownUnit(directory), at, format, params.sort, filters.readable(directory));
        Path file = newFile(format);
        long rows = 0;
        try (SheetWriter writer = SheetWriter.open(format, file, sheet.sheet(), sheet.columns(), info)) {
            Object[] values = new Object[sheet.columns().size()];
            while (true) {
                for (T item : page.items()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = sheet.columns().get(i).value().apply(item);
                    }
                    writer.row(values);
                    rows++;
                }
                if (page.nextCursor() == null) {
                    break;
                }
                paging.cursor = page.nextCursor();
                page = QuarkusTransaction.requiringNew().call(() -> sheet.pages().page(paging));
            }
            writer.finish(rows);
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }

        String fileName = sheet.label() + "-" + DAY.format(at) + "." + format.extension;
        long written = rows;
        QuarkusTransaction.requiringNew().run(() -> journal.record(ACTION, ENTITY, info.id(), ownUnitId(directory), Changes.of()
                .set("ledger", sheet.ledger())
                .set("format", format.extension)
                .set("rows", written)
                .set("filters", filters.raw())
                .set("sort", params.sort == null || params.sort.isBlank() ? null : params.sort)
                .set("fileName", fileName)));
        return download(file, format, fileName, sheet.ledger() + "-" + DAY.format(at) + "." + format.extension);
    }

    private String ownUnit(UnitDirectory directory) {
        UUID id = ownUnitId(directory);
        return id == null ? user.unitCode().orElse(null) : directory.label(id);
    }

    private UUID ownUnitId(UnitDirectory directory) {
        try {
            return user.unitCode().isEmpty() ? null : directory.resolve(user.unitCode().get()).id;
        } catch (CellValues.Unreadable e) {
            return null;
        }
    }

    /** The file as the answer's body; it is deleted once sent (or once sending failed). */
    static Response download(Path file, ExportFormat format, String fileName, String asciiName) {
        StreamingOutput body = out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            } finally {
                delete(file);
            }
        };
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = format == ExportFormat.CSV ? format.mediaType + "; charset=UTF-8" : format.mediaType;
        return Response.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, cn.qingfeng.attachment.ContentDisposition.attachment(fileName, asciiName))
                .header(HttpHeaders.CONTENT_LENGTH, size)
                .build();
    }

    /** A private temporary file in the exports' own folder, after clearing out what earlier exports left. */
    static Path newFile(ExportFormat format) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "qingfeng-exports"));
            sweep(dir);
            return Files.createTempFile(dir, "export-", "." + format.extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sweep(Path dir) throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(STALE));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(before) < 0;
                } catch (IOException e) {
                    return false;
                }
            }).forEach(Exporter::delete);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete export file %s: %s", file, e.getMessage());
        }
    }
}
