import type { OriginDraft } from '@/components/origin'
import type { RectCategory, RectOriginType, RectPrefill } from '@/views/rectifications/rectModel'
import type { TaskOriginType, TaskPrefill } from '@/views/tasks/taskModel'
import type { Risk, RiskCategory, RiskReview } from './riskModel'

/** Maps a risk's category to the rectification ledger's (网络舆情 is ideology work there). */
const RECT_CATEGORY: Readonly<Record<RiskCategory, RectCategory>> = {
  IDEOLOGY: 'IDEOLOGY',
  SECRECY: 'SECRECY',
  INTEGRITY: 'INTEGRITY',
  PUBLIC_OPINION: 'IDEOLOGY',
  WORK_STYLE: 'WORK_STYLE',
  OTHER: 'OTHER',
}

const TITLE_MAX = 60

/** A title from a conclusion: its first sentence, shortened to fit a list column. */
export function conclusionTitle(conclusion: string | undefined): string {
  const first = (conclusion ?? '').trim().split(/[。！？；!?;\n]/)[0]?.trim() ?? ''
  return first.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX - 1)}…` : first
}

/** "FX-2026-0003 名称（研判 2026-11-20）" (the label the server resolves for the origin later). */
export type OriginLabel = (values: { code: string; name: string; date: string }) => string

export function reviewOrigin<T extends RectOriginType | TaskOriginType>(
  type: T,
  risk: Pick<Risk, 'code' | 'name'>,
  review: Pick<RiskReview, 'id' | 'reviewedOn'>,
  label: OriginLabel,
): OriginDraft<T> | null {
  if (review.id === undefined) return null
  return { type, id: review.id, label: label({ code: risk.code ?? '', name: risk.name ?? '', date: review.reviewedOn ?? '' }) }
}

/**
 * A rectification item from a review: the risk's unit, people and category, the conclusion as title
 * and description; due by the next review when that is still ahead (it checks the result).
 */
export function rectPrefillFromReview(
  risk: Pick<Risk, 'unit' | 'category' | 'responsibleLeader' | 'responsiblePerson' | 'nextReviewOn'>,
  review: Pick<RiskReview, 'conclusion'>,
  today: string,
): RectPrefill {
  const prefill: RectPrefill = {
    title: conclusionTitle(review.conclusion),
    description: review.conclusion ?? '',
    source: 'SELF_CHECK',
  }
  if (risk.unit?.id !== undefined) prefill.unitId = risk.unit.id
  if (risk.category !== undefined) prefill.category = RECT_CATEGORY[risk.category]
  if (risk.responsibleLeader) prefill.responsibleLeader = risk.responsibleLeader
  if (risk.responsiblePerson) prefill.responsiblePerson = risk.responsiblePerson
  if (risk.nextReviewOn !== undefined && risk.nextReviewOn > today) prefill.deadline = risk.nextReviewOn
  return prefill
}

/** A supervision task from a review: the conclusion as title and description, the review as its basis. */
export function taskPrefillFromReview(review: Pick<RiskReview, 'conclusion'>, origin: OriginDraft | null): TaskPrefill {
  const prefill: TaskPrefill = { title: conclusionTitle(review.conclusion), description: review.conclusion ?? '' }
  if (origin !== null) prefill.basis = origin.label.slice(0, 200)
  return prefill
}
