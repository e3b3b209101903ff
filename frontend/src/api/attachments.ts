import { fetchFile, saveBlob, uploadForm, type UploadHandle } from './files'
import type { components } from './schema'

export type Attachment = components['schemas']['Attachment']

/** Limits shown before upload; the server enforces them again (413 / 415). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
export const ALLOWED_EXTENSIONS = ['pdf', 'ofd', 'docx', 'xlsx', 'doc', 'xls', 'jpg', 'png', 'zip'] as const
/** Same type under another name. */
const EXTENSION_ALIASES: Readonly<Record<string, string>> = { jpeg: 'jpg' }
export const ACCEPT_ATTRIBUTE = [...ALLOWED_EXTENSIONS, ...Object.keys(EXTENSION_ALIASES)].map((ext) => `.${ext}`).join(',')

export type AttachmentCheck = { ok: true } | { ok: false; reason: 'too-large' | 'bad-type' | 'empty' }

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.')
  if (dot < 0 || dot === filename.length - 1) return ''
  const ext = filename.slice(dot + 1).toLowerCase()
  return EXTENSION_ALIASES[ext] ?? ext
}

/** A file against the upload limits: its type by extension (attachments' list unless given), size, not empty. */
export function checkAttachment(
  file: Pick<File, 'name' | 'size'>,
  maxBytes = MAX_ATTACHMENT_BYTES,
  extensions: readonly string[] = ALLOWED_EXTENSIONS,
): AttachmentCheck {
  if (!extensions.includes(extensionOf(file.name))) return { ok: false, reason: 'bad-type' }
  if (file.size > maxBytes) return { ok: false, reason: 'too-large' }
  if (file.size === 0) return { ok: false, reason: 'empty' }
  return { ok: true }
}

export interface UploadRequest {
  ownerType: string
  ownerId: string
  file: File
  /** 0..100 as bytes go out. */
  onProgress?: (percent: number) => void
}

/**
 * Multipart POST /attachments with upload progress (the one upload of `files.ts`); errors become
 * the same ApiError as every other call.
 */
export function uploadAttachment(request: UploadRequest): UploadHandle<Attachment> {
  const body = new FormData()
  body.append('ownerType', request.ownerType)
  body.append('ownerId', request.ownerId)
  body.append('file', request.file, request.file.name)
  return uploadForm<Attachment>('/api/v1/attachments', body, request.onProgress)
}

/** Downloads with the bearer token (a plain link cannot send it) and saves under the original name. */
export async function downloadAttachment(id: string, filename: string): Promise<void> {
  // The name the user saw in the list, whatever the response header says.
  const response = await fetchFile(`/api/v1/attachments/${encodeURIComponent(id)}/content`)
  saveBlob(await response.blob(), filename)
}
