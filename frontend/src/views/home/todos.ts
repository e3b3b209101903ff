import type { components } from '@/api/schema'
import type { TagType } from '@/components/status'
import { labelOf } from '@/i18n'

export type Todo = components['schemas']['Todo']

/** The to-do kinds known today (the server adds kinds as ledgers join; unknown ones show their code). */
export const TODO_KINDS = [
  'assignment.accept',
  'assignment.report',
  'assignment.overdue',
  'assignment.answer-urge',
  'assignment.approve',
  'rectification.start',
  'rectification.report',
  'rectification.overdue',
  'rectification.progress-due',
  'rectification.measure',
  'rectification.verify',
  'risk.review-due',
  'risk.report-due',
  'risk.measure-due',
  'risk.grade',
] as const

const KIND_TAGS: Readonly<Record<string, TagType>> = {
  'assignment.accept': 'warning',
  'assignment.report': 'primary',
  'assignment.overdue': 'danger',
  'assignment.answer-urge': 'warning',
  'assignment.approve': 'success',
  'rectification.start': 'warning',
  'rectification.report': 'primary',
  'rectification.overdue': 'danger',
  'rectification.progress-due': 'warning',
  'rectification.measure': 'warning',
  'rectification.verify': 'success',
  'risk.review-due': 'warning',
  // A report owed on a 重大 risk is the most pressing of the risk to-dos (迟报 is flagged).
  'risk.report-due': 'danger',
  'risk.measure-due': 'warning',
  'risk.grade': 'primary',
}

export function todoKindLabel(kind: string | undefined): string {
  return labelOf('todo.kind', kind)
}

export function todoKindTag(kind: string | undefined): TagType {
  return (kind === undefined ? undefined : KIND_TAGS[kind]) ?? 'info'
}

/** The SPA path to open; only paths inside the app (one leading slash) are followed. */
export function todoLink(todo: Pick<Todo, 'link'>): string | undefined {
  const link = todo.link
  if (link === undefined || !link.startsWith('/') || link.startsWith('//')) return undefined
  return link
}
