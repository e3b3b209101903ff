import createClient, { type Client, type Middleware } from 'openapi-fetch'
import { authSession, hasAuthSession } from '@/auth/session'
import { i18n } from '@/i18n'
import { ApiError, apiErrorFrom } from './problem'
import type { paths } from './schema'

export type ApiClient = Client<paths>

let client: ApiClient | null = null
let baseUrl = ''

const authMiddleware: Middleware = {
  async onRequest({ request }) {
    if (hasAuthSession()) request.headers.set('Authorization', `Bearer ${await authSession().getToken()}`)
    // Lets the server pick the language of problem details; it falls back to Chinese.
    request.headers.set('Accept-Language', i18n.global.locale.value)
    return request
  },
}

/** Creates the one API client; called once the deploy-time config is known. */
export function initApi(apiBaseUrl: string): ApiClient {
  baseUrl = apiBaseUrl.replace(/\/+$/, '')
  // Look fetch up at call time (not creation time) so tests can stub globalThis.fetch.
  client = createClient<paths>({ baseUrl, fetch: (request) => globalThis.fetch(request) })
  client.use(authMiddleware)
  return client
}

export function api(): ApiClient {
  if (client === null) throw new Error('API client not initialised')
  return client
}

export function apiBaseUrl(): string {
  return baseUrl
}

interface FetchResult<T> {
  data?: T
  error?: unknown
  response: Response
}

/**
 * Unwraps an openapi-fetch result: the data on success, else an ApiError carrying the problem.
 * A fetch that never got an answer (network, CORS) becomes status 0.
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>
  try {
    result = await request
  } catch (cause) {
    if (cause instanceof ApiError) throw cause
    throw new ApiError(0, null)
  }
  if (!result.response.ok || result.error !== undefined) throw apiErrorFrom(result.response, result.error)
  return result.data as T
}

/** Like call(), but also returns the response (for ETag / Location). */
export async function callWithResponse<T>(request: Promise<FetchResult<T>>): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>
  try {
    result = await request
  } catch (cause) {
    if (cause instanceof ApiError) throw cause
    throw new ApiError(0, null)
  }
  if (!result.response.ok || result.error !== undefined) throw apiErrorFrom(result.response, result.error)
  return { data: result.data as T, response: result.response }
}

/** If-Match value for a record's version (the server's ETag is the quoted version). */
export function ifMatch(version: number | undefined): string {
  return `"${version ?? 0}"`
}
