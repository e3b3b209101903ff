import type * as ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, apiErrorFrom, describeProblem, isProblem, type Problem } from '@/api/problem'
import { i18n, setLocale } from '@/i18n'

const { messageError, messageWarning, confirm } = vi.hoisted(() => ({
  messageError: vi.fn(),
  messageWarning: vi.fn(),
  confirm: vi.fn(),
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof ElementPlus>()),
  ElMessage: { error: messageError, warning: messageWarning, success: vi.fn() },
  ElMessageBox: { confirm },
}))

// Imported after the mock so it sees the stubbed ElMessage/ElMessageBox.
const { handleApiError } = await import('@/api/errors')
const { setAuthSession } = await import('@/auth/session')

const t = (key: string, values?: Record<string, unknown>): string => (values ? i18n.global.t(key, values) : i18n.global.t(key))

function problem(status: number, code: string, extra: Partial<Problem> = {}): ApiError {
  return new ApiError(status, { type: `https://qingfeng.example/problems/${code}`, title: 'x', status, code, requestId: 'req-1', ...extra })
}

beforeEach(() => {
  setLocale('zh-CN')
  messageError.mockReset()
  messageWarning.mockReset()
  confirm.mockReset()
})

describe('describeProblem (problem+json → what the user sees)', () => {
  it('puts validation violations on the form fields', () => {
    const error = problem(400, 'validation', {
      violations: [
        { field: 'code', message: '大写字母、数字和连字符 (A-Z, 0-9, -)' },
        { field: 'create.arg0.name', message: '不能为空' },
        { field: 'code', message: '太长' },
      ],
    })
    const outcome = describeProblem(error, t, { formFields: ['code', 'name'] })
    expect(outcome).toEqual({
      kind: 'fields',
      fields: { code: '大写字母、数字和连字符 (A-Z, 0-9, -)；太长', name: '不能为空' },
      message: '提交的内容有误，请检查标出的字段',
    })
  })

  it('lists violations of fields the form does not have in the message', () => {
    const error = problem(400, 'validation', { violations: [{ field: 'code', message: 'bad' }, { field: 'limit', message: '最大 200' }] })
    const withForm = describeProblem(error, t, { formFields: ['code'] })
    expect(withForm).toMatchObject({ kind: 'fields', fields: { code: 'bad' } })
    expect(withForm.kind === 'fields' && withForm.message).toContain('每页条数：最大 200')

    const noForm = describeProblem(error, t, { formFields: [] })
    expect(noForm).toEqual({ kind: 'message', message: '请求有误：编码：bad；每页条数：最大 200', reload: false })
  })

  it('never shows a parameter name the UI has no label for', () => {
    const error = problem(400, 'validation', { violations: [{ field: 'includeTotal', message: '须为 true 或 false' }] })
    expect(describeProblem(error, t, { formFields: [] })).toEqual({ kind: 'message', message: '请求有误：须为 true 或 false', reload: false })
  })

  it('asks for a new login on 401', () => {
    expect(describeProblem(problem(401, 'unauthorized'), t)).toEqual({ kind: 'relogin' })
  })

  it('gives clear Chinese messages for 403 and 404', () => {
    expect(describeProblem(problem(403, 'forbidden'), t)).toEqual({ kind: 'message', message: '您没有权限执行此操作', reload: false })
    expect(describeProblem(problem(404, 'not-found'), t)).toEqual({
      kind: 'message',
      message: '记录不存在，或不在您的数据权限范围内',
      reload: false,
    })
  })

  it("shows the server's detail for 409", () => {
    const outcome = describeProblem(problem(409, 'unit.has-active-children', { detail: '还有 2 个启用的下级单位' }), t)
    expect(outcome).toEqual({ kind: 'message', message: '操作未完成：还有 2 个启用的下级单位', reload: false })
  })

  it('maps a business code to a form field when the page says so', () => {
    const outcome = describeProblem(problem(409, 'unit.code-taken', { detail: '单位编码 SJ 已被使用' }), t, {
      codeFields: { 'unit.code-taken': 'code' },
    })
    expect(outcome).toEqual({ kind: 'fields', fields: { code: '单位编码 SJ 已被使用' }, message: '操作未完成：单位编码 SJ 已被使用' })
  })

  it('offers a reload on 412 and 428', () => {
    expect(describeProblem(problem(412, 'precondition-failed', { detail: 'stale' }), t)).toEqual({
      kind: 'message',
      message: '该记录已被他人修改，请刷新后重试',
      reload: true,
    })
    expect(describeProblem(problem(428, 'precondition-required'), t)).toMatchObject({ reload: true })
  })

  it('explains upload refusals (413, 415) with the server detail', () => {
    expect(describeProblem(problem(413, 'attachment.too-large', { detail: '上限 20 MB' }), t)).toMatchObject({
      message: '文件过大，已被服务器拒绝：上限 20 MB',
    })
    expect(describeProblem(problem(415, 'attachment.type-not-allowed'), t)).toMatchObject({ message: '文件类型不被接受' })
  })

  it('quotes the request id on server errors and handles no answer at all', () => {
    expect(describeProblem(problem(500, 'internal'), t)).toMatchObject({ message: '服务器出错，请稍后重试（请求编号：req-1）' })
    expect(describeProblem(new ApiError(0, null), t)).toMatchObject({ message: '无法连接服务器，请检查网络后重试' })
    expect(describeProblem(new TypeError('Failed to fetch'), t)).toMatchObject({ message: '无法连接服务器，请检查网络后重试' })
  })

  it('follows the UI language', () => {
    setLocale('en')
    expect(describeProblem(problem(412, 'precondition-failed'), t)).toMatchObject({
      message: 'Someone else changed this record; reload and try again',
    })
  })
})

describe('apiErrorFrom / isProblem', () => {
  it('keeps the problem body and falls back to the X-Request-Id header', () => {
    const response = new Response(null, { status: 502, headers: { 'X-Request-Id': 'hdr-9' } })
    const fromText = apiErrorFrom(response, '<html>Bad gateway</html>')
    expect(fromText.status).toBe(502)
    expect(fromText.problem).toBeNull()
    expect(fromText.requestId).toBe('hdr-9')

    const body = { type: 'about:blank', title: 'Conflict', status: 409, code: 'unit.is-root', detail: 'no' }
    expect(isProblem(body)).toBe(true)
    expect(apiErrorFrom(response, body).code).toBe('unit.is-root')
    expect(isProblem({ status: '409' })).toBe(false)
  })
})

describe('handleApiError (the one place with side effects)', () => {
  it('hands field errors to the form and shows a summary', () => {
    const onFields = vi.fn()
    handleApiError(problem(400, 'validation', { violations: [{ field: 'code', message: '格式不对' }] }), {
      formFields: ['code'],
      onFields,
    })
    expect(onFields).toHaveBeenCalledWith({ code: '格式不对' })
    expect(messageError).toHaveBeenCalledWith(expect.objectContaining({ message: '提交的内容有误，请检查标出的字段' }))
  })

  it('re-logs in on 401, keeping the page (the session decides the redirect)', () => {
    const relogin = vi.fn(async () => undefined)
    setAuthSession({ getToken: async () => 't', relogin, logout: async () => undefined, expiresAt: () => undefined })
    handleApiError(problem(401, 'unauthorized'))
    expect(relogin).toHaveBeenCalledTimes(1)
    expect(messageWarning).toHaveBeenCalled()
    setAuthSession(null)
  })

  it('offers "刷新" on 412 and runs the reload when chosen', async () => {
    confirm.mockResolvedValue('confirm')
    const reload = vi.fn()
    handleApiError(problem(412, 'precondition-failed'), { reload })
    expect(confirm).toHaveBeenCalledWith(
      '该记录已被他人修改，请刷新后重试',
      '数据已变化',
      expect.objectContaining({ confirmButtonText: '刷新' }),
    )
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1))
  })

  it('shows a plain message when there is no reload to offer', () => {
    handleApiError(problem(409, 'unit.is-root', { detail: '局（根单位）不能停用' }))
    expect(confirm).not.toHaveBeenCalled()
    expect(messageError).toHaveBeenCalledWith(expect.objectContaining({ message: '操作未完成：局（根单位）不能停用' }))
  })
})
