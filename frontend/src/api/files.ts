import { authSession, hasAuthSession } from '@/auth/session'
import { i18n } from '@/i18n'
import { apiBaseUrl } from './client'
import { ApiError, isProblem } from './problem'

/*
 * Files in and out of the API with the bearer token (a plain link or form cannot send it): the one
 * multipart upload with progress and the one download, for attachments, imports and exports alike.
 */

export interface UploadHandle<T> {
  promise: Promise<T>
  abort: () => void
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

async function bearerToken(): Promise<string | undefined> {
  return hasAuthSession() ? await authSession().getToken() : undefined
}

/** Query values as the API reads them; undefined, null and '' are left out. */
export type QueryValue = string | number | boolean | null | undefined
export type QueryInput = Readonly<Record<string, QueryValue | readonly QueryValue[]>>

/** `?a=1&b=x` of the set values (arrays repeat the key), '' when none is set. */
export function queryString(query: QueryInput | undefined): string {
  if (query === undefined) return ''
  const params = new URLSearchParams()
  for (const [key, raw] of Object.entries(query)) {
    const values: readonly QueryValue[] = Array.isArray(raw) ? (raw as readonly QueryValue[]) : [raw as QueryValue]
    for (const value of values) {
      if (value === undefined || value === null || value === '') continue
      params.append(key, String(value))
    }
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

/**
 * Multipart POST to `path` (below the API base, e.g. /api/v1/attachments) with upload progress.
 * fetch() cannot report upload progress, so this uses XMLHttpRequest; errors become the same
 * ApiError as every other call.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress?: (percent: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest()
  const promise = (async () => {
    const token = await bearerToken()
    return await new Promise<T>((resolve, reject) => {
      xhr.open('POST', `${apiBaseUrl()}${path}`)
      if (token !== undefined) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
      xhr.setRequestHeader('Accept', 'application/json')
      xhr.setRequestHeader('Accept-Language', i18n.global.locale.value)
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(Math.round((event.loaded / event.total) * 100))
      }
      xhr.onload = () => {
        const parsed = parseJson(xhr.responseText)
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress?.(100)
          resolve(parsed as T)
        } else {
          const requestId = xhr.getResponseHeader('X-Request-Id') ?? undefined
          reject(new ApiError(xhr.status, isProblem(parsed) ? parsed : null, requestId))
        }
      }
      // A refused connection, CORS failure or a proxy cutting a large body all land here.
      xhr.onerror = () => reject(new ApiError(0, null))
      xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'))
      xhr.send(form)
    })
  })()
  return { promise, abort: () => xhr.abort() }
}

function decodePercent(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/**
 * The file name a Content-Disposition header gives: the RFC 5987 `filename*` (charset''percent-encoded,
 * UTF-8 or ISO-8859-1) before the plain `filename` (quoted or not); undefined when it names none.
 * Path parts are cut off, so a name can never point elsewhere.
 */
export function filenameFromDisposition(header: string | null | undefined): string | undefined {
  if (header === null || header === undefined || header === '') return undefined
  let extended: string | undefined
  let plain: string | undefined
  // Parameters: name=token or name="quoted \" string", separated by ';'.
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g
  for (const match of `;${header}`.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase()
    const raw = (match[2] ?? '').trim()
    if (name === 'filename*') {
      const parts = /^([^']*)'[^']*'(.*)$/.exec(raw.replace(/^"|"$/g, ''))
      if (parts === null) continue
      const charset = (parts[1] ?? '').toLowerCase()
      const encoded = parts[2] ?? ''
      if (charset === 'utf-8') extended = decodePercent(encoded)
      else if (charset === 'iso-8859-1')
        extended = encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    } else if (name === 'filename') {
      plain = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw
    }
  }
  const chosen = extended ?? plain
  if (chosen === undefined) return undefined
  const base = chosen.split(/[\\/]/).pop()?.trim() ?? ''
  return base === '' || base === '.' || base === '..' ? undefined : base
}

/** Hands a blob to the browser as a download under `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
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

/** GET `path` (below the API base) with the bearer token: the response when it is 2xx, else an ApiError. */
export async function fetchFile(path: string, query?: QueryInput): Promise<Response> {
  const headers = new Headers()
  const token = await bearerToken()
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`)
  headers.set('Accept-Language', i18n.global.locale.value)
  let response: Response
  try {
    response = await globalThis.fetch(`${apiBaseUrl()}${path}${queryString(query)}`, { headers })
  } catch {
    throw new ApiError(0, null)
  }
  if (!response.ok) {
    const body = parseJson(await response.text())
    throw new ApiError(response.status, isProblem(body) ? body : null, response.headers.get('X-Request-Id') ?? undefined)
  }
  return response
}

export interface DownloadOptions {
  query?: QueryInput
  /** Used when the response names no file. */
  fallbackName: string
}

/**
 * Downloads `path` and saves it under the name its Content-Disposition gives (else the fallback).
 * Returns the name it was saved under.
 */
export async function downloadFile(path: string, options: DownloadOptions): Promise<string> {
  const response = await fetchFile(path, options.query)
  const filename = filenameFromDisposition(response.headers.get('Content-Disposition')) ?? options.fallbackName
  saveBlob(await response.blob(), filename)
  return filename
}
