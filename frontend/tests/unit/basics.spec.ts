import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { checkAttachment, extensionOf, MAX_ATTACHMENT_BYTES } from '@/api/attachments'
import { DEFAULT_CONFIG, loadConfig, parseConfig } from '@/config'
import { useFormErrors } from '@/composables/useFormErrors'
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, i18n, labelOf, setLocale, storedLocale } from '@/i18n'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { formatBytes, formatDateTime } from '@/utils/format'
import { changeRows } from '@/views/audit/changes'
import { activeOnly, defaultChildKind, parentOf, subtreeIds, type UnitTreeNode } from '@/views/units/unitTree'
import { jsonResponse } from './helpers'

afterEach(() => {
  vi.unstubAllGlobals()
  localStorage.clear()
  setLocale('zh-CN')
})

describe('deploy-time config', () => {
  it('defaults to the local stack', () => {
    expect(parseConfig({})).toEqual({
      apiBaseUrl: 'http://127.0.0.1:8080',
      keycloakUrl: 'http://127.0.0.1:8180',
      realm: 'qingfeng',
      clientId: 'qingfeng-spa',
    })
    expect(parseConfig(null)).toEqual(DEFAULT_CONFIG)
  })

  it('takes the values of config.json, ignoring junk and trailing slashes', () => {
    expect(parseConfig({ apiBaseUrl: 'https://qf.example.gov.cn/', realm: 'prod', clientId: 42, keycloakUrl: ' ' })).toEqual({
      apiBaseUrl: 'https://qf.example.gov.cn',
      keycloakUrl: 'http://127.0.0.1:8180',
      realm: 'prod',
      clientId: 'qingfeng-spa',
    })
  })

  it('loads /config.json without the cache', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ apiBaseUrl: 'http://api.prod' }))
    vi.stubGlobal('fetch', fetchMock)
    expect((await loadConfig('/config.json')).apiBaseUrl).toBe('http://api.prod')
    expect(fetchMock).toHaveBeenCalledWith('/config.json', { cache: 'no-store' })
    fetchMock.mockResolvedValueOnce(new Response('nope', { status: 404 }))
    await expect(loadConfig('/config.json')).rejects.toThrow('HTTP 404')
  })
})

describe('i18n', () => {
  function keys(value: unknown, prefix = ''): string[] {
    if (value === null || typeof value !== 'object') return [prefix]
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
  }

  it('has the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('starts in Chinese and remembers the choice in localStorage', () => {
    expect(storedLocale()).toBe(DEFAULT_LOCALE)
    setLocale('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(storedLocale()).toBe('en')
    expect(i18n.global.t('menu.units')).toBe('Organisation')
    expect(document.documentElement.lang).toBe('en')
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr')
    expect(storedLocale()).toBe('zh-CN')
  })

  it('labels enum codes and falls back to the code', () => {
    expect(labelOf('unitKind', 'BUREAU')).toBe('局')
    expect(labelOf('unitKind', 'AFFILIATED')).toBe('直属单位')
    expect(labelOf('action', 'unit.created')).toBe('新增单位')
    expect(labelOf('action', 'user.first-seen')).toBe('首次登录')
    expect(labelOf('action', 'unit')).toBe('unit') // a branch of the tree is not a label
    expect(labelOf('action', 'task.urged')).toBe('task.urged')
    expect(labelOf('role', undefined)).toBe('')
  })
})

describe('attachment limits', () => {
  it('accepts the listed types up to 20 MB', () => {
    expect(checkAttachment({ name: '报告.PDF', size: 10 })).toEqual({ ok: true })
    expect(checkAttachment({ name: 'a.jpeg', size: MAX_ATTACHMENT_BYTES })).toEqual({ ok: true })
    expect(checkAttachment({ name: 'a.ofd', size: 1 })).toEqual({ ok: true })
    expect(checkAttachment({ name: 'a.zip', size: MAX_ATTACHMENT_BYTES + 1 })).toEqual({ ok: false, reason: 'too-large' })
    expect(checkAttachment({ name: 'a.txt', size: 1 })).toEqual({ ok: false, reason: 'bad-type' })
    expect(checkAttachment({ name: 'noext', size: 1 })).toEqual({ ok: false, reason: 'bad-type' })
    expect(checkAttachment({ name: 'a.xls', size: 0 })).toEqual({ ok: false, reason: 'empty' })
    expect(extensionOf('archive.tar.')).toBe('')
  })
})

describe('formatting', () => {
  it('shows instants in Beijing time', () => {
    expect(formatDateTime('2026-11-27T20:57:10.29Z')).toBe('2026-11-28 04:57:10')
    expect(formatDateTime(undefined)).toBe('')
    expect(formatDateTime('not a date')).toBe('not a date')
  })

  it('shows sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB')
  })

  it('turns journal changes into before/after rows', () => {
    expect(changeRows({ name: { before: 'A', after: 'B' }, code: { after: 'X' }, returned: 18, filters: { after: {} } })).toEqual([
      { field: 'name', before: 'A', after: 'B' },
      { field: 'code', before: '—', after: 'X' },
      { field: 'returned', before: '—', after: '18' },
      { field: 'filters', before: '—', after: '{}' },
    ])
    expect(changeRows(undefined)).toEqual([])
  })
})

describe('unit tree helpers', () => {
  const tree: UnitTreeNode[] = [
    {
      id: 'root',
      kind: 'BUREAU',
      active: true,
      children: [
        { id: 'a', kind: 'DEPARTMENT', active: true, children: [{ id: 'a1', kind: 'BRANCH', active: true, children: [] }] },
        { id: 'b', kind: 'AFFILIATED', active: false, children: [{ id: 'b1', kind: 'BRANCH', active: true, children: [] }] },
      ],
    },
  ]

  it('hides inactive subtrees, finds parents and subtrees', () => {
    expect(activeOnly(tree)[0]?.children?.map((node) => node.id)).toEqual(['a'])
    expect(parentOf(tree, 'a1')?.id).toBe('a')
    expect(parentOf(tree, 'root')).toBeUndefined()
    expect([...subtreeIds(tree[0]?.children?.[0])]).toEqual(['a', 'a1'])
    expect(defaultChildKind('BUREAU')).toBe('DEPARTMENT')
    expect(defaultChildKind('AFFILIATED')).toBe('BRANCH')
  })
})

describe('useFormErrors', () => {
  it('sets server messages on known fields on the next tick, and clears them', async () => {
    const form = useFormErrors(['code', 'name'] as const)
    form.setAll({ code: '格式不对', other: 'ignored' })
    expect(form.errors.code).toBeUndefined()
    await nextTick()
    expect(form.errors).toEqual({ code: '格式不对', name: undefined })
    form.clear()
    expect(form.errors.code).toBeUndefined()
  })
})
