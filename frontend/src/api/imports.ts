import { api, call } from './client'
import { downloadFile, uploadForm, type UploadHandle } from './files'
import type { components, operations } from './schema'

/* Bulk import (/imports, /import-mappings): the contract's types, and the calls the wizard makes. */

export type ImportLedger = components['schemas']['ImportLedger']
export type ImportSheet = components['schemas']['ImportSheet']
export type ImportColumn = components['schemas']['ImportColumn']
export type ImportColumnType = components['schemas']['ColumnType']
export type ImportJob = components['schemas']['ImportJob']
export type ImportCounts = components['schemas']['ImportCounts']
/** How one header of the file was matched: to a column key, or to nothing (key absent). */
export type ImportHeader = components['schemas']['ImportHeader']
export type ImportProgress = components['schemas']['ImportProgress']
export type ImportProblem = components['schemas']['ImportProblem']
export type ImportRecord = components['schemas']['ImportRecord']
export type ImportMapping = components['schemas']['ImportMapping']
export type ImportStatus = components['schemas']['ImportStatus']
export type ConflictMode = components['schemas']['Conflict']
export type ImportOutcome = NonNullable<ImportRecord['outcome']>
export type ImportLedgerCode = NonNullable<ImportLedger['ledger']>
/** `{"<sheet name>": {"<header as in the file>": "<column key, or '' to ignore>"}}` */
export type ImportMappingSpec = NonNullable<components['schemas']['RevalidateImport']['mapping']>
/** The action codes of a job's `allowedActions`. */
export type ImportActionCode = 'commit' | 'cancel' | 'revalidate'

export const IMPORT_LEDGERS = ['tasks', 'rectifications', 'risks'] as const satisfies readonly ImportLedgerCode[]
export const CONFLICT_MODES = ['STOP', 'SKIP', 'UPDATE'] as const satisfies readonly ConflictMode[]
/** What the upload's `encoding` takes (CSV only); the job then names the one used. */
export const IMPORT_ENCODINGS = ['AUTO', 'UTF_8', 'GB18030'] as const
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number]
export const IMPORT_STATUSES = ['VALIDATING', 'VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED', 'CANCELLED'] as const satisfies readonly ImportStatus[]

export interface Paging {
  limit?: number
  cursor?: string
}

/** The file size the server accepts for an upload (qingfeng.attachments.max-size). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const IMPORT_EXTENSIONS = ['xlsx', 'csv'] as const
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((ext) => `.${ext}`).join(',')

const BASE = '/api/v1'

const id = (value: string): string => encodeURIComponent(value)

export function listImportLedgers(): Promise<ImportLedger[]> {
  return call(api().GET('/api/v1/imports/ledgers'))
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

/** Uploads the file (with progress: the one multipart upload of files.ts); the dry run starts at once on the server. */
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

export type ListImportsQuery = NonNullable<operations['listImports']['parameters']['query']>

export function listImports(query: ListImportsQuery) {
  return call(api().GET('/api/v1/imports', { params: { query } }))
}

export function getImport(jobId: string): Promise<ImportJob> {
  return call(api().GET('/api/v1/imports/{id}', { params: { path: { id: jobId } } }))
}

export function listImportProblems(jobId: string, paging: Paging) {
  return call(api().GET('/api/v1/imports/{id}/problems', { params: { path: { id: jobId }, query: paging } }))
}

export function downloadImportAnnotated(jobId: string, fallbackName: string): Promise<string> {
  return downloadFile(`${BASE}/imports/${id(jobId)}/annotated`, { fallbackName })
}

export function revalidateImport(jobId: string, body: components['schemas']['RevalidateImport']): Promise<ImportJob> {
  return call(api().POST('/api/v1/imports/{id}/revalidate', { params: { path: { id: jobId } }, body }))
}

export function commitImport(jobId: string, body: components['schemas']['CommitImport']): Promise<ImportJob> {
  return call(api().POST('/api/v1/imports/{id}/commit', { params: { path: { id: jobId } }, body }))
}

export function cancelImport(jobId: string): Promise<ImportJob> {
  return call(api().POST('/api/v1/imports/{id}/cancel', { params: { path: { id: jobId } } }))
}

export function listImportRecords(jobId: string, paging: Paging) {
  return call(api().GET('/api/v1/imports/{id}/records', { params: { path: { id: jobId }, query: paging } }))
}

export function listImportMappings(ledger: ImportLedgerCode): Promise<ImportMapping[]> {
  return call(api().GET('/api/v1/import-mappings', { params: { query: { ledger } } }))
}

export function saveImportMapping(body: components['schemas']['SaveImportMapping']): Promise<ImportMapping> {
  return call(api().POST('/api/v1/import-mappings', { body }))
}

export async function deleteImportMapping(mappingId: string): Promise<void> {
  await call(api().DELETE('/api/v1/import-mappings/{id}', { params: { path: { id: mappingId } } }))
}
