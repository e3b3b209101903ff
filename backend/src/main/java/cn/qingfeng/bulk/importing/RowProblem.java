package cn.qingfeng.bulk.importing;

/**
 * One thing wrong with one row: where (sheet, row, column as the file heads it), what was there
 * and why it cannot be taken. {@code groupRow} is the row of the record the problem stops (a
 * child row's parent), so that "import the valid rows" leaves out the whole record.
 */
public record RowProblem(String sheet, int row, int groupRow, String column, String value, String code, String message) {
}
