import type { components } from '@/api/schema'
import { labelOf } from '@/i18n'

export type RectItem = components['schemas']['RectificationItem']
export type RectDetail = components['schemas']['RectificationDetail']
export type RectMeasure = components['schemas']['Measure']
export type RectClosure = components['schemas']['RectificationClosure']
export type RectProgress = components['schemas']['RectificationProgress']
export type RectStatus = NonNullable<RectItem['status']>
export type RectSource = NonNullable<RectItem['source']>
export type RectCategory = NonNullable<RectItem['category']>
export type RectSeverity = NonNullable<RectItem['severity']>
export type RectKind = NonNullable<RectItem['kind']>
export type MeasureStatus = NonNullable<RectMeasure['status']>
export type RectOriginType = components['schemas']['RectificationOrigin']

/** Values a create dialog starts with when it is opened from another record (e.g. a risk review). */
export interface RectPrefill {
  title?: string
  description?: string
  source?: RectSource
  category?: RectCategory
  unitId?: string
  responsibleLeader?: string
  responsiblePerson?: string
  deadline?: string
}

/** In the order the forms and filters list them. */
export const RECT_STATUSES: readonly RectStatus[] = ['PENDING', 'IN_PROGRESS', 'APPLIED', 'CLOSED']
export const RECT_SOURCES: readonly RectSource[] = ['SELF_CHECK', 'INSPECTION_TOUR', 'AUDIT', 'SUPERVISION', 'COMPLAINT', 'OTHER']
export const RECT_CATEGORIES: readonly RectCategory[] = ['STUDY', 'POSITION_BUILDING', 'SECRECY', 'IDEOLOGY', 'WORK_STYLE', 'INTEGRITY', 'OTHER']
export const RECT_SEVERITIES: readonly RectSeverity[] = ['MINOR', 'MODERATE', 'SERIOUS']
export const RECT_KINDS: readonly RectKind[] = ['TIME_LIMITED', 'ONGOING']
export const MEASURE_STATUSES: readonly MeasureStatus[] = ['OPEN', 'DONE', 'WAIVED']

/** Labels live under rect.* (the shared status.* keys mean other things, e.g. PENDING 待签收). */
export type RectLabelKind = 'status' | 'source' | 'category' | 'severity' | 'kind' | 'measureStatus'
export function rectLabel(kind: RectLabelKind, code: string | undefined | null): string {
  return labelOf(`rect.${kind}`, code)
}

export const RECT_STATUS_TAG: Readonly<Record<RectStatus, 'info' | 'primary' | 'warning' | 'success'>> = {
  PENDING: 'warning',
  IN_PROGRESS: 'primary',
  APPLIED: 'warning',
  CLOSED: 'success',
}
export const SEVERITY_TAG: Readonly<Record<RectSeverity, 'info' | 'warning' | 'danger'>> = {
  MINOR: 'info',
  MODERATE: 'warning',
  SERIOUS: 'danger',
}
export const MEASURE_TAG: Readonly<Record<MeasureStatus, 'info' | 'success' | 'warning'>> = {
  OPEN: 'warning',
  DONE: 'success',
  WAIVED: 'info',
}

export interface FrozenEvidence {
  attachmentId: string
  ownerType: string
  ownerId: string
  filename: string
  sha256: string
  sizeBytes: number | undefined
  /** False when the file is no longer attached to its record (withdrawn since the close-off). */
  attached: boolean
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** A closure's frozen evidence list, each file marked whether it is still attached now. */
export function frozenEvidence(closure: Pick<RectClosure, 'evidence'>, attachedIds: ReadonlySet<string> | undefined): FrozenEvidence[] {
  return (closure.evidence ?? []).map((entry) => {
    const attachmentId = str(entry.attachmentId)
    return {
      attachmentId,
      ownerType: str(entry.ownerType),
      ownerId: str(entry.ownerId),
      filename: str(entry.filename),
      sha256: str(entry.sha256),
      sizeBytes: typeof entry.sizeBytes === 'number' ? entry.sizeBytes : undefined,
      attached: attachedIds === undefined || attachedIds.has(attachmentId),
    }
  })
}
