import type { RouteLocationRaw } from 'vue-router'
import type { components } from '@/api/schema'

/** Where a record came from, resolved by the server (null when none or not visible to the caller). */
export type OriginRef = components['schemas']['OriginRef']

/**
 * The record a new one is opened from (e.g. a risk review): sent as originType / originId, and its
 * label shown read-only in the create dialog.
 */
export interface OriginDraft<T extends string = string> {
  type: T
  id: string
  label: string
}

/** The page an origin links to: the review on its risk's 研判记录 tab, an assignment on its task page. */
export function originRoute(origin: OriginRef | null | undefined): RouteLocationRaw | undefined {
  const entityId = origin?.entityId
  if (origin === null || origin === undefined || entityId === undefined || entityId === '') return undefined
  switch (origin.entityType) {
    case 'risk':
      return origin.type === 'RISK_REVIEW' ? { path: `/risks/${entityId}`, query: { tab: 'reviews' } } : { path: `/risks/${entityId}` }
    case 'task':
      return origin.type === 'TASK_ASSIGNMENT' && origin.id !== undefined
        ? { path: `/tasks/${entityId}`, query: { assignment: origin.id } }
        : { path: `/tasks/${entityId}` }
    case 'rectification':
      return { path: `/rectifications/${entityId}` }
    default:
      return undefined
  }
}
