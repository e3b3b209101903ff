import type { RouteLocationRaw } from 'vue-router'
import { checkAttachment, type AttachmentCheck } from '@/api/attachments'
import {
  IMPORT_EXTENSIONS,
  MAX_IMPORT_BYTES,
  type ImportHeader,
  type ImportJob,
  type ImportLedger,
  type ImportMappingSpec,
  type ImportOutcome,
  type ImportRecord,
  type ImportStatus,
} from '@/api/imports'
import type { TagType } from '@/components/status'
import { i18n, labelOf } from '@/i18n'

/** The wizard's steps, in order. */
export const IMPORT_STEPS = ['source', 'mapping', 'report', 'commit', 'result'] as const
export type ImportStep = (typeof IMPORT_STEPS)[number]

/** The server is working on the job: poll it. */
export const BUSY_STATUSES: readonly ImportStatus[] = ['VALIDATING', 'COMMITTING']

export function isBusy(job: Pick<ImportJob, 'status'> | null | undefined): boolean {
  return job?.status !== undefined && BUSY_STATUSES.includes(job.status)
}

/** The UI's name of a ledger; the server's (Chinese) label for one the UI does not know yet. */
export function ledgerLabel(code: string | undefined, serverLabel?: string): string {
  const label = labelOf('import.ledgerName', code)
  return label === code && serverLabel !== undefined && serverLabel !== '' ? serverLabel : label
}

/**
 * Where a job opens: a running dry run on its report, a checked one on its columns when some header
 * was not recognised (else on the report), a running commit on the commit step, an ended job on its result.
 * A check the user asked for with their own mapping (`mapped`) opens on its report: a header left
 * unmatched then is one they chose to ignore.
 */
export function landingStep(job: ImportJob | null | undefined, mapped = false): ImportStep {
  switch (job?.status) {
    case undefined:
      return 'source'
    case 'VALIDATING':
      return 'report'
    case 'VALIDATED':
      return !mapped && (job.headers ?? []).some((header) => header.key === undefined || header.key === '') ? 'mapping' : 'report'
    case 'COMMITTING':
      return 'commit'
    default:
      return 'result'
  }
}

/** The mapping as the server matched it: sheet → file header → column key ('' ignores the header). */
export function draftFromHeaders(headers: readonly ImportHeader[] | undefined): ImportMappingSpec {
  const draft: ImportMappingSpec = {}
  for (const header of headers ?? []) {
    if (header.sheet === undefined || header.header === undefined) continue
    const sheet = (draft[header.sheet] ??= {})
    sheet[header.header] = header.key ?? ''
  }
  return draft
}

/** Whether the user changed any header's column from what the server matched. */
export function mappingDiffers(draft: ImportMappingSpec, headers: readonly ImportHeader[] | undefined): boolean {
  const matched = draftFromHeaders(headers)
  return Object.entries(matched).some(([sheet, columns]) =>
    Object.entries(columns).some(([header, key]) => (draft[sheet]?.[header] ?? '') !== key),
  )
}

/** A saved mapping laid over the draft: only the headers this file has; others keep their column. */
export function applySavedMapping(draft: ImportMappingSpec, saved: ImportMappingSpec | undefined): ImportMappingSpec {
  const next: ImportMappingSpec = {}
  for (const [sheet, columns] of Object.entries(draft)) {
    next[sheet] = {}
    for (const [header, key] of Object.entries(columns)) {
      const chosen = saved?.[sheet]?.[header]
      next[sheet][header] = chosen ?? key
    }
  }
  return next
}

export interface ColumnOption {
  value: string
  label: string
  required: boolean
  disabled: boolean
}

/** The columns a header of `sheet` can map to (read-only ones are computed by the server, not imported). */
export function columnOptions(ledger: ImportLedger | undefined, sheet: string): ColumnOption[] {
  const columns = ledger?.sheets?.find((candidate) => candidate.name === sheet)?.columns ?? []
  return columns
    .filter((column) => column.key !== undefined)
    .map((column) => ({
      value: column.key ?? '',
      label: column.header ?? column.key ?? '',
      required: column.required === true,
      disabled: column.readOnly === true,
    }))
}

/** xlsx or csv, within the upload limit, not empty. */
export function checkImportFile(file: Pick<File, 'name' | 'size'>): AttachmentCheck {
  return checkAttachment(file, MAX_IMPORT_BYTES, IMPORT_EXTENSIONS)
}

/** The colour of what an import did to a record. */
export const OUTCOME_TAG: Readonly<Record<ImportOutcome, TagType>> = { CREATED: 'success', UPDATED: 'primary', UNCHANGED: 'info', SKIPPED: 'warning' }

const RECORD_ROUTES: Readonly<Record<string, string>> = {
  tasks: 'task-detail',
  rectifications: 'rectification-detail',
  risks: 'risk-detail',
}

/** The page of an imported record; null when the row wrote none or the ledger has no page. */
export function recordRoute(record: Pick<ImportRecord, 'ledger' | 'recordId'>): RouteLocationRaw | null {
  const name = record.ledger === undefined ? undefined : RECORD_ROUTES[record.ledger]
  if (name === undefined || record.recordId === undefined || record.recordId === '') return null
  return { name, params: { id: record.recordId } }
}

/** "约 1 分 05 秒" style remaining time; '' when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return ''
  const total = Math.round(seconds)
  const { t } = i18n.global
  if (total < 60) return t('import.duration.seconds', { s: total })
  if (total < 3600) return t('import.duration.minutes', { m: Math.floor(total / 60), s: total % 60 })
  return t('import.duration.hours', { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60) })
}

/** Rows per second for people: whole numbers, one decimal below ten. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate) || rate < 0) return ''
  return rate >= 10 ? String(Math.round(rate)) : rate.toFixed(1)
}

/** The file name of the annotated workbook, after the uploaded one. */
export function annotatedName(fileName: string | undefined): string {
  const base = (fileName ?? '').replace(/\.[^.]*$/, '')
  return `${base === '' ? 'import' : base}-问题.xlsx`
}
