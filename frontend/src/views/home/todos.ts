import type { Role } from '@/access'
import type { components } from '@/api/schema'
import type { TagType } from '@/components/status'
import { labelOf } from '@/i18n'

export type Todo = components['schemas']['Todo']
export type TodoState = components['schemas']['TodoState']
export type TodoLedger = components['schemas']['TodoLedger']
export type TodoSummary = components['schemas']['TodoSummary']

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

/** Every state of a to-do, in the order of the 待办中心 tabs (the contract's TodoState). */
export const TODO_STATES = ['OPEN', 'DONE', 'FINISHED', 'WITHDRAWN'] as const satisfies readonly TodoState[]

/** The ledgers the to-do list can be filtered by (the contract's TodoLedger). */
export const TODO_LEDGERS = ['task', 'rectification', 'risk'] as const satisfies readonly TodoLedger[]

/** The realm roles the ledgers ask work of (FlowRules steps): they get the bell and 待办中心. */
export const TODO_ROLES = ['unit_officer', 'supervisor'] as const satisfies readonly Role[]

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

const STATE_TAGS: Readonly<Record<TodoState, TagType>> = {
  OPEN: 'warning',
  DONE: 'primary',
  FINISHED: 'success',
  WITHDRAWN: 'info',
}

export function todoKindLabel(kind: string | undefined): string {
  return labelOf('todo.kind', kind)
}

export function todoKindTag(kind: string | undefined): TagType {
  return (kind === undefined ? undefined : KIND_TAGS[kind]) ?? 'info'
}

export function todoStateLabel(state: string | undefined): string {
  return labelOf('todo.state', state)
}

export function todoStateTag(state: string | undefined): TagType {
  return state !== undefined && state in STATE_TAGS ? STATE_TAGS[state as TodoState] : 'info'
}

export function todoLedgerLabel(ledger: string | undefined): string {
  return labelOf('todo.ledger', ledger)
}

export interface KindChip {
  code: string
  label: string
  tag: TagType
}

/** A to-do's kinds as tags, most important first (one to-do per matter, with all it asks). */
export function todoKindChips(todo: Pick<Todo, 'kinds'>): KindChip[] {
  return (todo.kinds ?? []).map((code) => ({ code, label: todoKindLabel(code), tag: todoKindTag(code) }))
}

/** The SPA path to open; only paths inside the app (one leading slash) are followed. */
export function todoLink(todo: Pick<Todo, 'link'>): string | undefined {
  const link = todo.link
  if (link === undefined || !link.startsWith('/') || link.startsWith('//')) return undefined
  return link
}
