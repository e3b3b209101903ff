import type { components } from './schema'

export type Problem = components['schemas']['Problem']
export type FieldViolation = components['schemas']['FieldViolation']

/** An API call that did not succeed: an HTTP error (with its problem body, if any) or no answer. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null
  readonly requestId: string | undefined

  constructor(status: number, problem: Problem | null, requestId?: string) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.requestId = problem?.requestId ?? requestId
  }

  get code(): string | undefined {
    return this.problem?.code
  }
}

export function isProblem(value: unknown): value is Problem {
  if (value === null || typeof value !== 'object') return false
  const candidate = value as Record<string, unknown>
  return typeof candidate.status === 'number' && (typeof candidate.code === 'string' || typeof candidate.title === 'string')
}

/** Builds the error for a non-2xx response from its already-parsed body (JSON problem, text, or nothing). */
export function apiErrorFrom(response: Response, body: unknown): ApiError {
  const requestId = response.headers.get('X-Request-Id') ?? undefined
  return new ApiError(response.status, isProblem(body) ? body : null, requestId)
}

export type Translate = (key: string, values?: Record<string, unknown>) => string

/** What the UI should do about a failed call; computed without side effects so it can be tested. */
export type ProblemOutcome =
  | { kind: 'relogin' }
  | { kind: 'fields'; fields: Record<string, string>; message: string }
  | { kind: 'message'; message: string; reload: boolean }

export interface DescribeOptions {
  /** Form fields that can show an error; violations on other fields go into the message. */
  formFields?: readonly string[]
  /** Business codes (409 etc.) that belong to one form field, e.g. {'unit.code-taken': 'code'}. */
  codeFields?: Readonly<Record<string, string>>
}

/** "create.arg0.code" and "code" both land on the form's "code" field. */
function formFieldFor(field: string | undefined, formFields: readonly string[] | undefined): string | undefined {
  if (field === undefined || field === '') return undefined
  if (formFields === undefined || formFields.includes(field)) return field
  const last = field.split('.').pop()
  return last !== undefined && formFields.includes(last) ? last : undefined
}

/**
 * A violation shown outside a form: with the field's label when the UI has one ("每页条数：…"),
 * else the server's message alone (it says what is wrong; a parameter's English name would not help).
 */
function withFieldLabel(field: string | undefined, message: string, t: Translate): string {
  const name = field?.split('.').pop()
  if (name === undefined || name === '') return message
  const key = `field.${name}`
  const label = t(key)
  return label === key ? message : `${label}：${message}`
}

export function describeProblem(error: unknown, t: Translate, options: DescribeOptions = {}): ProblemOutcome {
  if (!(error instanceof ApiError)) return { kind: 'message', message: t('problem.network'), reload: false }

  const { status, problem } = error
  // The title is generic English ("Conflict"); only the detail says what happened, in Chinese.
  const serverDetail = problem?.detail ?? ''
  const detail = serverDetail || problem?.title || ''

  if (status === 401) return { kind: 'relogin' }

  if (status === 400 && problem?.code === 'validation' && (problem.violations?.length ?? 0) > 0) {
    const fields: Record<string, string> = {}
    const unplaced: string[] = []
    for (const violation of problem.violations ?? []) {
      const message = violation.message ?? detail
      const field = formFieldFor(violation.field, options.formFields)
      if (field !== undefined) fields[field] = fields[field] === undefined ? message : `${fields[field]}；${message}`
      else unplaced.push(withFieldLabel(violation.field, message, t))
    }
    if (Object.keys(fields).length === 0) {
      return { kind: 'message', message: t('problem.badRequest', { detail: unplaced.join('；') || detail }), reload: false }
    }
    const message = [t('problem.validation'), ...unplaced].join('；')
    return { kind: 'fields', fields, message }
  }

  const codeField = problem?.code !== undefined ? options.codeFields?.[problem.code] : undefined
  if (codeField !== undefined && detail !== '') {
    const message = status === 409 ? t('problem.conflict', { detail }) : detail
    return { kind: 'fields', fields: { [codeField]: detail }, message }
  }

  switch (status) {
    case 400:
      return { kind: 'message', message: t('problem.badRequest', { detail }), reload: false }
    case 403:
      return { kind: 'message', message: t('problem.forbidden'), reload: false }
    case 404:
      return { kind: 'message', message: t('problem.notFound'), reload: false }
    case 409:
      // The server's detail names the rule (e.g. "还有 3 条未办结的记录"); show it as is.
      return { kind: 'message', message: t('problem.conflict', { detail: detail || String(status) }), reload: false }
    case 412:
      return { kind: 'message', message: t('problem.stale'), reload: true }
    case 428:
      return { kind: 'message', message: t('problem.preconditionRequired'), reload: true }
    case 413:
      return { kind: 'message', message: serverDetail ? `${t('problem.tooLarge')}：${serverDetail}` : t('problem.tooLarge'), reload: false }
    case 415:
      return {
        kind: 'message',
        message: serverDetail ? `${t('problem.unsupportedType')}：${serverDetail}` : t('problem.unsupportedType'),
        reload: false,
      }
    default:
      if (status === 0) return { kind: 'message', message: t('problem.network'), reload: false }
      if (status >= 500) return { kind: 'message', message: t('problem.server', { requestId: error.requestId ?? '-' }), reload: false }
      return { kind: 'message', message: detail || t('problem.unknown', { status }), reload: false }
  }
}
