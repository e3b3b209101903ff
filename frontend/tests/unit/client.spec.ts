import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, call, callWithResponse, ifMatch, initApi } from '@/api/client'
import { ApiError } from '@/api/problem'
import { setAuthSession } from '@/auth/session'
import { setLocale } from '@/i18n'
import { jsonResponse } from './helpers'

const fetchMock = vi.fn<(request: Request) => Promise<Response>>()

beforeEach(() => {
  setLocale('zh-CN')
  // Stubbed after the client exists: works only because the client looks fetch up per call.
  initApi('http://api.test/')
  vi.stubGlobal('fetch', fetchMock)
  setAuthSession({ getToken: async () => 'token-123', relogin: async () => undefined, logout: async () => undefined, expiresAt: () => undefined })
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  setAuthSession(null)
})

describe('typed API client', () => {
  it('sends the bearer token and UI language and returns typed data', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ username: 'admin', roles: ['admin'] }))
    const me = await call(api().GET('/api/v1/me'))
    expect(me.username).toBe('admin')

    const request = fetchMock.mock.calls[0]?.[0]
    expect(request?.url).toBe('http://api.test/api/v1/me')
    expect(request?.headers.get('Authorization')).toBe('Bearer token-123')
    expect(request?.headers.get('Accept-Language')).toBe('zh-CN')
  })

  it('serialises query parameters and the If-Match header', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'u1', version: 4 }, 200, { ETag: '"4"' }))
    const { data, response } = await callWithResponse(
      api().PATCH('/api/v1/units/{id}', {
        params: { path: { id: 'u1' }, header: { 'If-Match': ifMatch(3) } },
        body: { name: '新名称' },
      }),
    )
    expect(data.version).toBe(4)
    expect(response.headers.get('ETag')).toBe('"4"')
    const request = fetchMock.mock.calls[0]?.[0]
    expect(request?.method).toBe('PATCH')
    expect(request?.headers.get('If-Match')).toBe('"3"')
    expect(await request?.json()).toEqual({ name: '新名称' })

    fetchMock.mockResolvedValue(jsonResponse({ items: [] }))
    await call(api().GET('/api/v1/events', { params: { query: { action: 'unit.', from: '2026-01-01T00:00:00+08:00', limit: 5 } } }))
    const url = new URL(fetchMock.mock.calls[1]?.[0].url ?? '')
    expect(url.searchParams.get('action')).toBe('unit.')
    expect(url.searchParams.get('from')).toBe('2026-01-01T00:00:00+08:00')
    expect(url.searchParams.get('limit')).toBe('5')
  })

  it('turns a problem+json answer into an ApiError with the problem', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({ type: 't', title: 'Conflict', status: 409, code: 'unit.code-taken', detail: '单位编码 SJ 已被使用', requestId: 'r1' }, 409),
    )
    const error = await call(api().POST('/api/v1/units', { body: { code: 'SJ', name: 'x', kind: 'BRANCH', parentId: 'p' } })).catch(
      (cause: unknown) => cause,
    )
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(409)
    expect((error as ApiError).code).toBe('unit.code-taken')
    expect((error as ApiError).requestId).toBe('r1')
  })

  it('reports a request that got no answer as status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const error = await call(api().GET('/api/v1/me')).catch((cause: unknown) => cause)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(0)
  })
})
