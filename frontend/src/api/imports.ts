import { authSession, hasAuthSession } from '@/auth/session'
import { i18n } from '@/i18n'
import { apiBaseUrl } from './client'
import { downloadFile, queryString, uploadForm, type QueryInput, type UploadHandle } from './files'
import { ApiError, isProblem } from './problem'

/*
 * Bulk import (/imports, /import-mappings). The shapes follow the contract of issue 12 until
 * openapi.yaml carries these operations; then they become re-exports of schema.d.ts.
 */

export const IMPORT_LEDGERS = ['tasks', 'rectifications', 'risks'] as const
export type ImportLedgerCode = (typeof IMPORT_LEDGERS)[number]
export const CONFLICT_MODES = ['STOP', 'SKIP', 'UPDATE'] as const
export type ConflictMode = (typeof CONFLICT_MODES)[number]
export const IMPORT_ENCODINGS = ['AUTO', 'UTF_8', 'GB18030'] as const
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number]
export const IMPORT_STATUSES = ['VALIDATING', 'VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED', 'CANCELLED'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]
export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'SKIPPED'
export type ImportColumnType = 'TEXT' | 'LINES' | 'DATE' | 'ENUM' | 'UNIT' | 'UNITS' | 'PERSON' | 'INT'
export type ImportActionCode = 'commit' | 'cancel' | 'revalidate'

export interface ImportColumn {
  key?: string
  header?: string
  required?: boolean
  type?: ImportColumnType
  synonyms?: string[]
  options?: string[]
  readOnly?: boolean
  /** How to fill the column, for people. */
  note?: string
}

export interface ImportSheet {
  name?: string
  child?: boolean
  columns?: ImportColumn[]
}

export interface ImportLedger {
  ledger?: ImportLedgerCode
  label?: string
  /** Whether the caller's role may import into it. */
  permitted?: boolean
  sheets?: ImportSheet[]
}

export interface ImportCounts {
  rows?: number
  valid?: number
  invalid?: number
  created?: number
  updated?: number
  unchanged?: number
  skipped?: number
  rejected?: number
}

/** How one header of the file was matched: to a column key, or to nothing (null). */
export interface ImportHeader {
  sheet?: string
  header?: string
  key?: string | null
  label?: string | null
}

export interface ImportProgress {
  phase?: 'VALIDATE' | 'COMMIT'
  processed?: number
  total?: number
  percent?: number
  rowsPerSecond?: number
  etaSeconds?: number | null
  attempt?: number
  running?: boolean
  cancelRequested?: boolean
}

export interface ImportAllowedAction {
  action?: string
  enabled?: boolean
  blocked?: 'STATE' | 'RULE'
  reasonCode?: string
  reason?: string
}

export interface ImportJob {
  id?: string
  ledger?: ImportLedgerCode
  fileName?: string
  format?: 'XLSX' | 'CSV'
  encoding?: string | null
  status?: ImportStatus
  conflict?: ConflictMode
  validRowsOnly?: boolean
  createdByName?: string
  createdAt?: string
  finishedAt?: string | null
  counts?: ImportCounts
  problemCount?: number
  headers?: ImportHeader[]
  progress?: ImportProgress | null
  failure?: string | null
  allowedActions?: ImportAllowedAction[]
}

export interface ImportProblem {
  sheet?: string
  row?: number
  column?: string | null
  value?: string | null
  code?: string
  message?: string
}

export interface ImportRecord {
  row?: number
  ledger?: ImportLedgerCode
  recordId?: string
  code?: string
  title?: string
  outcome?: ImportOutcome
}

/** `{"<sheet name>": {"<header as in the file>": "<column key, or '' to ignore>"}}` */
export type ImportMappingSpec = Record<string, Record<string, string>>

export interface ImportMapping {
  id?: string
  ledger?: ImportLedgerCode
  name?: string
  mapping?: ImportMappingSpec
  createdAt?: string
}

export interface ImportPage<T> {
  items?: T[]
  nextCursor?: string
  total?: number
}

export interface Paging {
  limit?: number
  cursor?: string
}

/** The file size the server accepts for an upload (qingfeng.attachments.max-size). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const IMPORT_EXTENSIONS = ['xlsx', 'csv'] as const
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((ext) => `.${ext}`).join(',')

const BASE = '/api/v1'

// Until the generated client knows these paths: a JSON call with the same token, language and errors.
async function requestJson<T>(method: 'GET' | 'POST' | 'DELETE', path: string, options: { query?: QueryInput; body?: unknown } = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': i18n.global.locale.value })
  if (hasAuthSession()) headers.set('Authorization', `Bearer ${await authSession().getToken()}`)
  if (options.body !== undefined) headers.set('Content-Type', 'application/json')
  let response: Response
  try {
    response = await globalThis.fetch(`${apiBaseUrl()}${BASE}${path}${queryString(options.query)}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    })
  } catch {
    throw new ApiError(0, null)
  }
  const text = await response.text()
  let body: unknown
  try {
    body = text === '' ? null : JSON.parse(text)
  } catch {
    body = null
  }
  if (!response.ok) throw new ApiError(response.status, isProblem(body) ? body : null, response.headers.get('X-Request-Id') ?? undefined)
  return body as T
}

const id = (value: string): string => encodeURIComponent(value)

export function listImportLedgers(): Promise<ImportLedger[]> {
  return requestJson('GET', '/imports/ledgers')
}

export function downloadImportTemplate(ledger: ImportLedgerCode): Promise<string> {
  return downloadFile(`${BASE}/imports/templates/${id(ledger)}`, { fallbackName: `${ledger}.xlsx` })
}

export interface CreateImportRequest {
  file: File
  ledger: ImportLedgerCode
  conflict: ConflictMode
  encoding: ImportEncoding
  mapping?: ImportMappingSpec
  mappingId?: string
}

/** Uploads the file (with progress); the dry run starts at once on the server. */
export function createImport(request: CreateImportRequest, onProgress?: (percent: number) => void): UploadHandle<ImportJob> {
  const form = new FormData()
  form.append('file', request.file, request.file.name)
  form.append('ledger', request.ledger)
  form.append('conflict', request.conflict)
  form.append('encoding', request.encoding)
  if (request.mapping !== undefined) form.append('mapping', JSON.stringify(request.mapping))
  if (request.mappingId !== undefined && request.mappingId !== '') form.append('mappingId', request.mappingId)
  return uploadForm<ImportJob>(`${BASE}/imports`, form, onProgress)
}

export interface ListImportsQuery extends Paging {
  ledger?: ImportLedgerCode
  status?: ImportStatus
}

export function listImports(query: ListImportsQuery): Promise<ImportPage<ImportJob>> {
  return requestJson('GET', '/imports', { query: { ...query } })
}

export function getImport(jobId: string): Promise<ImportJob> {
  return requestJson('GET', `/imports/${id(jobId)}`)
}

export function listImportProblems(jobId: string, paging: Paging): Promise<ImportPage<ImportProblem>> {
  return requestJson('GET', `/imports/${id(jobId)}/problems`, { query: { ...paging } })
}

export function downloadImportAnnotated(jobId: string, fallbackName: string): Promise<string> {
  return downloadFile(`${BASE}/imports/${id(jobId)}/annotated`, { fallbackName })
}

export function revalidateImport(jobId: string, body: { mapping?: ImportMappingSpec; conflict?: ConflictMode }): Promise<ImportJob> {
  return requestJson('POST', `/imports/${id(jobId)}/revalidate`, { body })
}

export function commitImport(jobId: string, body: { validRowsOnly: boolean }): Promise<ImportJob> {
  return requestJson('POST', `/imports/${id(jobId)}/commit`, { body })
}

export function cancelImport(jobId: string): Promise<ImportJob> {
  return requestJson('POST', `/imports/${id(jobId)}/cancel`)
}

export function listImportRecords(jobId: string, paging: Paging): Promise<ImportPage<ImportRecord>> {
  return requestJson('GET', `/imports/${id(jobId)}/records`, { query: { ...paging } })
}

export function listImportMappings(ledger: ImportLedgerCode): Promise<ImportMapping[]> {
  return requestJson('GET', '/import-mappings', { query: { ledger } })
}

export function saveImportMapping(body: { ledger: ImportLedgerCode; name: string; mapping: ImportMappingSpec }): Promise<ImportMapping> {
  return requestJson('POST', '/import-mappings', { body })
}

export function deleteImportMapping(mappingId: string): Promise<void> {
  return requestJson('DELETE', `/import-mappings/${id(mappingId)}`)
}
