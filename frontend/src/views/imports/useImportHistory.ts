import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { IMPORT_LEDGERS, IMPORT_STATUSES, listImports, type ImportJob, type ImportLedgerCode, type ImportStatus } from '@/api/imports'
import { labelOf } from '@/i18n'
import { usePagedTable } from '@/composables/usePagedTable'
import { ledgerLabel } from './importModel'

export interface ImportHistoryFilters {
  [key: string]: string
  ledger: string
  status: string
}

/** The list's query of its filters: only known codes go to the server. */
export function importHistoryQuery(filters: Partial<ImportHistoryFilters>): { ledger?: ImportLedgerCode; status?: ImportStatus } {
  const query: { ledger?: ImportLedgerCode; status?: ImportStatus } = {}
  const ledger = IMPORT_LEDGERS.find((code) => code === filters.ledger)
  const status = IMPORT_STATUSES.find((code) => code === filters.status)
  if (ledger !== undefined) query.ledger = ledger
  if (status !== undefined) query.status = status
  return query
}

/** State of 导入记录 (/imports): the jobs, newest first, filtered by ledger and status in the URL. */
export function useImportHistory() {
  const { locale } = useI18n()
  const table = usePagedTable<ImportJob, ImportHistoryFilters>({
    filters: { ledger: '', status: '' },
    limit: 20,
    fetch: ({ filters, limit, cursor }) => listImports({ ...importHistoryQuery(filters), limit, ...(cursor === undefined ? {} : { cursor }) }),
  })

  const options = computed(() => {
    void locale.value
    return {
      ledgers: IMPORT_LEDGERS.map((value) => ({ value, label: ledgerLabel(value) })),
      statuses: IMPORT_STATUSES.map((value) => ({ value, label: labelOf('import.status', value) })),
    }
  })

  return { table, options }
}
