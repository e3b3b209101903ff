import { downloadFile, type QueryInput } from './files'
import type { paths } from './schema'

/** The lists that export (GET …/export takes the list's own query, minus paging, plus `format`). */
export const EXPORT_PATHS = [
  '/api/v1/tasks/export',
  '/api/v1/assignments/export',
  '/api/v1/rectifications/export',
  '/api/v1/risks/export',
  '/api/v1/risk-obligations/export',
  '/api/v1/journal/events/export',
] as const satisfies readonly (keyof paths)[]
export type ExportPath = (typeof EXPORT_PATHS)[number]

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Paging belongs to the screen, not to the file: the export has every row of the filter. */
const PAGING_KEYS: ReadonlySet<string> = new Set(['cursor', 'limit', 'includeTotal'])

/** The export's query: the list's filters and sort as sent to the list, without paging, plus the format. */
export function exportQuery(listQuery: QueryInput, format: ExportFormat): QueryInput {
  const query: Record<string, QueryInput[string]> = {}
  for (const [key, value] of Object.entries(listQuery)) {
    if (!PAGING_KEYS.has(key)) query[key] = value
  }
  query.format = format
  return query
}

/** Downloads the export of a list; resolves to the file name it was saved under. */
export function exportList(path: ExportPath, listQuery: QueryInput, format: ExportFormat, fallbackName: string): Promise<string> {
  return downloadFile(path, { query: exportQuery(listQuery, format), fallbackName: `${fallbackName}.${format}` })
}

/** What a list shows, as the query its export sends: the list's query of the applied filters, and its sort. */
export function listExportQuery<F>(applied: { filters: Partial<F>; sort: string }, toQuery: (filters: Partial<F>) => QueryInput): QueryInput {
  return { ...toQuery(applied.filters), sort: applied.sort }
}
