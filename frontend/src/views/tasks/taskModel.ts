import type { components } from '@/api/schema'

export type Task = components['schemas']['Task']
export type TaskDetail = components['schemas']['TaskDetail']
export type Assignment = components['schemas']['Assignment']
export type TaskProgress = components['schemas']['TaskProgress']
export type TaskRecord = components['schemas']['TaskRecord']
export type TaskUrge = components['schemas']['TaskUrge']
// Enums are taken from the fields that use them: the generator numbers clashing schema names
// (another ledger's "Status" turns ours into "Status1"), the fields stay put.
export type Category = NonNullable<Task['category']>
export type Priority = NonNullable<Task['priority']>
export type Recurrence = NonNullable<Task['recurrence']>
export type TaskStatus = NonNullable<Task['status']>
export type AssignmentStatus = NonNullable<Assignment['status']>
export type AssignmentRole = NonNullable<Assignment['role']>
export type Warning = NonNullable<Assignment['warning']>
export type TaskOriginType = NonNullable<components['schemas']['CreateTask']['originType']>

/** Values the create dialog starts with when it is opened from another record (e.g. a risk review). */
export interface TaskPrefill {
  title?: string
  category?: Category
  description?: string
  basis?: string
}

/** In the order the forms and filters list them (DESIGN.md, Tasks). */
export const CATEGORIES: readonly Category[] = [
  'STUDY',
  'DEPLOYMENT',
  'TRAINING',
  'RESPONSIBILITY_LETTER',
  'INTEGRITY_TALK',
  'INSPECTION',
  'HOLIDAY_DISCIPLINE',
  'RULES',
  'MEETING',
  'REPORT',
  'OTHER',
]
export const PRIORITIES: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT']
export const RECURRENCES: readonly Recurrence[] = ['NONE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY']
export const TASK_STATUSES: readonly TaskStatus[] = ['DRAFT', 'ISSUED', 'COMPLETED', 'CANCELLED']
export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['PENDING', 'IN_PROGRESS', 'SUBMITTED', 'DONE', 'CANCELLED']
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = ['LEAD', 'COOPERATING']
/** The colours a list can be filtered by (open items only). */
export const WARNING_FILTERS: readonly Warning[] = ['GREEN', 'YELLOW', 'RED']
/** How finished items ended (the figures' on-time / late counts drill into these). */
export const FINISHED_WARNINGS: readonly Warning[] = ['ON_TIME', 'LATE']

/** Element Plus tag type per priority (urgent stands out, low recedes). */
export const PRIORITY_TAG: Readonly<Record<Priority, 'info' | 'primary' | 'warning' | 'danger'>> = {
  LOW: 'info',
  NORMAL: 'primary',
  HIGH: 'warning',
  URGENT: 'danger',
}

const OPEN_ASSIGNMENT: readonly AssignmentStatus[] = ['PENDING', 'IN_PROGRESS', 'SUBMITTED']

export function isOpenAssignment(status: AssignmentStatus | undefined): boolean {
  return status !== undefined && OPEN_ASSIGNMENT.includes(status)
}

/** "2026-03-01 至 2026-03-31" style period of a recurring task's instance, '' when it has none. */
export function periodText(task: Pick<Task, 'periodStart' | 'periodEnd'>, join: (start: string, end: string) => string): string {
  if (task.periodStart === undefined || task.periodEnd === undefined) return ''
  return join(task.periodStart, task.periodEnd)
}

/** The SPA link of an assignment: the task's page with the assignment selected (as the to-dos link it). */
export function assignmentLink(assignment: Pick<Assignment, 'id' | 'taskId'>): string {
  return `/tasks/${assignment.taskId ?? ''}?assignment=${assignment.id ?? ''}`
}
