package cn.qingfeng.bulk.importing;

import cn.qingfeng.bulk.BulkLedger;
import cn.qingfeng.bulk.LedgerSchemas;

/**
 * One ledger's side of an import: turns a record's rows into the ledger's own requests and hands
 * them to its service, so an imported record meets the same rules, scope and journal as one made
 * in the SPA. Problems of the rows are thrown as {@link RowRefused}.
 */
public interface LedgerImporter {

    BulkLedger ledger();

    default LedgerSchemas.LedgerSchema schema() {
        return LedgerSchemas.of(ledger());
    }

    Outcome apply(RecordGroup group, ImportContext context);
}
