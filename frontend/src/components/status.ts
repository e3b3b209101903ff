export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

/**
 * One colour per state everywhere: waiting = warning, working = primary, finished = success,
 * refused/late = danger, inactive/withdrawn = info. Ledger states to come are listed already.
 */
export const STATUS_TAG_TYPES: Readonly<Record<string, TagType>> = {
  ACTIVE: 'success',
  INACTIVE: 'info',
  PENDING: 'warning',
  IN_PROGRESS: 'primary',
  SUBMITTED: 'primary',
  DONE: 'success',
  RETURNED: 'danger',
  OVERDUE: 'danger',
  OPEN: 'danger',
  RECTIFYING: 'warning',
  CLOSE_REQUESTED: 'primary',
  CLOSED: 'success',
  REJECTED: 'danger',
  REMOVED: 'info',
  // Tasks ledger: the task's own life, and how a finished assignment ended.
  DRAFT: 'info',
  ISSUED: 'primary',
  COMPLETED: 'success',
  CANCELLED: 'info',
  ON_TIME: 'success',
  LATE: 'danger',
  NONE: 'info',
  // Bulk import jobs: checking and writing are work, a checked job waits for its commit.
  VALIDATING: 'primary',
  VALIDATED: 'warning',
  COMMITTING: 'primary',
  COMMITTED: 'success',
  FAILED: 'danger',
}

/**
 * Fixed colours: the four-colour risk scheme (重大 red / 较大 orange / 一般 yellow / 低 blue) and the
 * deadline traffic light (green / yellow / red), which shares red and yellow with it.
 */
export const LEVEL_COLORS: Readonly<Record<string, string>> = {
  RED: '#d9001b',
  ORANGE: '#f56c00',
  YELLOW: '#e6b800',
  BLUE: '#1e6fd9',
  GREEN: '#2e9d4f',
}

export interface TagStyle {
  type: TagType
  color?: string
}

export function statusTagStyle(status: string | undefined | null): TagStyle {
  if (status === undefined || status === null) return { type: 'info' }
  const color = LEVEL_COLORS[status]
  if (color !== undefined) return { type: 'info', color }
  return { type: STATUS_TAG_TYPES[status] ?? 'info' }
}
