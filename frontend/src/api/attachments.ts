import { authSession, hasAuthSession } from '@/auth/session'
import { i18n } from '@/i18n'
import { apiBaseUrl } from './client'
import { ApiError, isProblem } from './problem'
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

export function checkAttachment(file: Pick<File, 'name' | 'size'>, maxBytes = MAX_ATTACHMENT_BYTES): AttachmentCheck {
  if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) return { ok: false, reason: 'bad-type' }
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

export interface UploadHandle {
  promise: Promise<Attachment>
  abort: () => void
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * Multipart POST /attachments with upload progress. fetch() cannot report upload progress, so this
 * one call uses XMLHttpRequest; errors become the same ApiError as every other call.
 */
export function uploadAttachment(request: UploadRequest): UploadHandle {
  const xhr = new XMLHttpRequest()
  const promise = (async () => {
    const token = hasAuthSession() ? await authSession().getToken() : undefined
    const body = new FormData()
    body.append('ownerType', request.ownerType)
    body.append('ownerId', request.ownerId)
    body.append('file', request.file, request.file.name)
    return await new Promise<Attachment>((resolve, reject) => {
      xhr.open('POST', `${apiBaseUrl()}/api/v1/attachments`)
      if (token !== undefined) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
      xhr.setRequestHeader('Accept', 'application/json')
      xhr.setRequestHeader('Accept-Language', i18n.global.locale.value)
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) request.onProgress?.(Math.round((event.loaded / event.total) * 100))
      }
      xhr.onload = () => {
        const parsed = parseJson(xhr.responseText)
        if (xhr.status >= 200 && xhr.status < 300) {
          request.onProgress?.(100)
          resolve(parsed as Attachment)
        } else {
          const requestId = xhr.getResponseHeader('X-Request-Id') ?? undefined
          reject(new ApiError(xhr.status, isProblem(parsed) ? parsed : null, requestId))
        }
      }
      // A refused connection, CORS failure or a proxy cutting a large body all land here.
      xhr.onerror = () => reject(new ApiError(0, null))
      xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'))
      xhr.send(body)
    })
  })()
  return { promise, abort: () => xhr.abort() }
}

/** Downloads with the bearer token (a plain link cannot send it) and saves under the original name. */
export async function downloadAttachment(id: string, filename: string): Promise<void> {
  const headers = new Headers()
  if (hasAuthSession()) headers.set('Authorization', `Bearer ${await authSession().getToken()}`)
  const response = await globalThis.fetch(`${apiBaseUrl()}/api/v1/attachments/${encodeURIComponent(id)}/content`, { headers })
  if (!response.ok) {
    const body = parseJson(await response.text())
    throw new ApiError(response.status, isProblem(body) ? body : null, response.headers.get('X-Request-Id') ?? undefined)
  }
  const url = URL.createObjectURL(await response.blob())
  try {
    const link = document.createElement('a')
    link.href = url
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
