package cn.qingfeng.bulk.read;

import java.util.List;

/** Receives a file's rows one at a time, as they stream by. */
@FunctionalInterface
public interface RowSink {

    /**
     * @param sheet     the sheet's name (a CSV file is one sheet, named by the caller)
     * @param rowNumber the row as a spreadsheet numbers it, from 1
     * @param cells     the cells' text, by column; blank cells are empty strings
     */
    void row(String sheet, int rowNumber, List<String> cells);
}
