import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { components } from '@/api/schema'

export type AllowedAction = components['schemas']['AllowedAction']

/*
 * The action codes of each record kind, exactly as the server names them in `allowedActions`
 * (the ledger kernel's lifecycles). Typed here so a misspelt code fails the type check.
 */
export type TaskActionCode = 'update' | 'issue' | 'cancel'
export type AssignmentActionCode = 'accept' | 'submit' | 'approve' | 'return' | 'reportProgress' | 'addRecord' | 'urge' | 'replyUrge' | 'attach'
export type RectActionCode = 'update' | 'addMeasure' | 'start' | 'reportProgress' | 'apply' | 'verify' | 'reject' | 'reopen' | 'attach'
export type RectMeasureActionCode = 'complete' | 'waive' | 'reopen' | 'attach'
export type RiskActionCode =
  | 'update'
  | 'grade'
  | 'regrade'
  | 'addMeasure'
  | 'startControl'
  | 'markControlled'
  | 'close'
  | 'reopen'
  | 'review'
  | 'report'
  | 'attach'
export type RiskMeasureActionCode = 'complete' | 'reopen' | 'attach'
export type UnitActionCode = 'update' | 'move' | 'deactivate' | 'activate' | 'attach'

/** How one action button shows: not at all, enabled, or disabled with the server's reason. */
export interface ActionState {
  shown: boolean
  disabled: boolean
  /** Why it is disabled, for people (the server's sentence); '' when enabled or hidden. */
  reason: string
}

const HIDDEN: ActionState = Object.freeze({ shown: false, disabled: true, reason: '' })
const ENABLED: ActionState = Object.freeze({ shown: true, disabled: false, reason: '' })

/** Anything the server sends with `allowedActions` (every ledger record view). */
export interface WithAllowedActions {
  allowedActions?: readonly AllowedAction[] | undefined
}

/**
 * One action of a record as the server states it: absent (the role may not) or blocked by the
 * record's STATE — hidden; blocked by a RULE (a precondition) — shown disabled with the reason;
 * otherwise enabled. The refusal code is never shown.
 */
export function actionState(allowed: readonly AllowedAction[] | null | undefined, code: string): ActionState {
  const entry = allowed?.find((candidate) => candidate.action === code)
  if (entry === undefined || entry.blocked === 'STATE') return HIDDEN
  if (entry.enabled === true) return ENABLED
  return { shown: true, disabled: true, reason: entry.reason ?? '' }
}

/** Whether the action can be taken now (listed, enabled). */
export function actionEnabled(allowed: readonly AllowedAction[] | null | undefined, code: string): boolean {
  const state = actionState(allowed, code)
  return state.shown && !state.disabled
}

/** The actions of one record, typed by its kind's codes. */
export interface RecordActions<C extends string> {
  state: (code: C) => ActionState
  enabled: (code: C) => boolean
}

export function recordActions<C extends string>(record: WithAllowedActions | null | undefined): RecordActions<C> {
  const allowed = record?.allowedActions
  return {
    state: (code) => actionState(allowed, code),
    enabled: (code) => actionEnabled(allowed, code),
  }
}

/** `recordActions` of a record that changes (a page's loaded record). */
export function useAllowedActions<C extends string>(record: MaybeRefOrGetter<WithAllowedActions | null | undefined>): ComputedRef<RecordActions<C>> {
  return computed(() => recordActions<C>(toValue(record)))
}
