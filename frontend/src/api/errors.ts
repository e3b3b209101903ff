import { ElMessage, ElMessageBox } from 'element-plus'
import { authSession, hasAuthSession } from '@/auth/session'
import { i18n } from '@/i18n'
import { describeProblem, type DescribeOptions, type ProblemOutcome } from './problem'

export interface HandleOptions extends DescribeOptions {
  /** Receives field errors (validation, or codeFields); cleared fields are absent. */
  onFields?: (fields: Record<string, string>) => void
  /** Offered as the "刷新" action when the record changed under the user (412/428). */
  reload?: () => unknown
}

function translate(key: string, values?: Record<string, unknown>): string {
  return values === undefined ? i18n.global.t(key) : i18n.global.t(key, values)
}

/**
 * The one place that turns a failed API call into what the user sees: field errors on the form,
 * a message, a reload offer for stale records, or a new login for an expired session.
 */
export function handleApiError(error: unknown, options: HandleOptions = {}): ProblemOutcome {
  if (!(error instanceof Error)) throw error
  const outcome = describeProblem(error, translate, {
    ...options,
    // Without a form to show them, violations go into the message.
    formFields: options.onFields === undefined ? [] : options.formFields,
  })
  switch (outcome.kind) {
    case 'relogin':
      ElMessage.warning(translate('problem.sessionExpired'))
      if (hasAuthSession()) void authSession().relogin()
      break
    case 'fields':
      options.onFields?.(outcome.fields)
      ElMessage.error({ message: outcome.message, grouping: true })
      break
    case 'message':
      if (outcome.reload && options.reload !== undefined) {
        const reload = options.reload
        void ElMessageBox.confirm(outcome.message, translate('problem.staleTitle'), {
          type: 'warning',
          confirmButtonText: translate('common.reload'),
          cancelButtonText: translate('common.close'),
        })
          .then(() => reload())
          .catch(() => undefined)
      } else {
        ElMessage.error({ message: outcome.message, grouping: true })
      }
      break
  }
  return outcome
}
