package cn.qingfeng.bulk.export;

import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import java.util.List;

/**
 * What one export writes: its name in the journal ({@code ledger}), the file's label, the sheet,
 * the columns, and the pages of its rows: the list's own query, page after page, so the rows are
 * the ones the list shows, in its order and within the caller's scope.
 */
public record ExportSheet<T>(String ledger, String label, String sheet, List<ExportColumn<T>> columns, Pages<T> pages) {

    /** One page of the list for these paging parameters. */
    @FunctionalInterface
    public interface Pages<T> {
        Page<T> page(PageParams params);
    }
}
