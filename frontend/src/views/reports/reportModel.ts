import type { RouteLocationRaw } from 'vue-router'
import type { components } from '@/api/schema'
import { i18n } from '@/i18n'

export type Report = components['schemas']['Report']
export type ReportSummary = components['schemas']['ReportSummary']
export type ReportSection = components['schemas']['ReportSection']
export type ReportFigure = components['schemas']['ReportFigure']
export type ReportSource = components['schemas']['ReportSource']
export type ReportRevision = components['schemas']['ReportRevision']
export type ReportPart = components['schemas']['ReportPart']
export type ReportCreate = components['schemas']['ReportCreate']
export type ReportUpdate = components['schemas']['ReportUpdate']
export type ReportTemplateInfo = components['schemas']['ReportTemplateInfo']
export type DrillList = components['schemas']['DrillList']
export type Drill = components['schemas']['Drill']

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * The parts' fixed headings, as the exported document prints them. They are the document's text
 * (Chinese whatever the UI language), not UI labels; the opening paragraph has none.
 */
export const PART_HEADINGS: Readonly<Record<Exclude<ReportPart, 'INTRO'>, string>> = {
  WORK: '一、工作开展情况',
  PROBLEMS: '二、存在的问题',
  RISKS: '三、防范化解风险的措施',
}

export interface ReportPartBlock {
  part: ReportPart
  /** '' for the opening paragraph. */
  heading: string
  sections: ReportSection[]
}

/** The sections in the document's order: the opening, then the three parts (each shown, even if empty). */
export function partsOf(sections: readonly ReportSection[] | undefined): ReportPartBlock[] {
  const list = sections ?? []
  const intro: ReportPartBlock = { part: 'INTRO', heading: '', sections: list.filter((section) => section.part === 'INTRO') }
  const parts = (Object.keys(PART_HEADINGS) as (keyof typeof PART_HEADINGS)[]).map((part) => ({
    part,
    heading: PART_HEADINGS[part],
    sections: list.filter((section) => section.part === part),
  }))
  return intro.sections.length > 0 ? [intro, ...parts] : parts
}

/** A section's figures, in the order the drafted text states them (unknown keys are skipped). */
export function figuresOf(section: ReportSection, figures: readonly ReportFigure[] | undefined): ReportFigure[] {
  const byKey = new Map((figures ?? []).map((figure) => [figure.key ?? '', figure]))
  return (section.figureKeys ?? []).flatMap((key) => {
    const figure = byKey.get(key)
    return figure === undefined ? [] : [figure]
  })
}

/** A figure the last refresh moved: highlighted with the value it had before. */
export function figureMoved(figure: ReportFigure): boolean {
  return figure.changed === true
}

/** How many figures the last refresh moved. */
export function movedCount(figures: readonly ReportFigure[] | undefined): number {
  return (figures ?? []).filter(figureMoved).length
}

/**
 * The drafted text the author had before them when they last wrote this section's text: the
 * `generated` of the oldest revision in the newest run of revisions that already hold that text
 * (revisions come newest first). Undefined when the revisions do not show it.
 */
export function draftAtEdit(revisions: readonly ReportRevision[] | undefined, key: string, text: string): string | undefined {
  let baseline: string | undefined
  for (const revision of revisions ?? []) {
    const section = revision.sections?.find((candidate) => candidate.key === key)
    if (section === undefined || section.text !== text) break
    baseline = section.generated
  }
  return baseline
}

/**
 * What to show beside a section's text:
 * - 'none': not edited, or the author's text is the drafted one;
 * - 'updated': the draft moved since the author wrote their text (数据更新后的草稿), shown at once;
 * - 'differs': the author's text differs from an unchanged draft, which can be shown for comparison.
 * Without the revisions, a draft counts as updated when one of its figures moved in the last refresh.
 */
export type DraftState = 'none' | 'updated' | 'differs'

export function draftState(section: ReportSection, figures: readonly ReportFigure[] | undefined, revisions?: readonly ReportRevision[]): DraftState {
  const text = section.text ?? ''
  const generated = section.generated ?? ''
  if (section.edited !== true || generated === text || generated === '') return 'none'
  const baseline = revisions === undefined ? undefined : draftAtEdit(revisions, section.key ?? '', text)
  if (baseline !== undefined) return baseline !== generated ? 'updated' : 'differs'
  return figuresOf(section, figures).some(figureMoved) ? 'updated' : 'differs'
}

/** The list page a figure's drill opens, by route name (the page filters with exactly the drill's query). */
export const DRILL_ROUTES: Readonly<Record<DrillList, string>> = {
  ASSIGNMENTS: 'assignments',
  RECORDS: 'records',
  RECTIFICATIONS: 'rectifications',
  RISKS: 'risks',
  OBLIGATIONS: 'risk-obligations',
}

export function drillRoute(drill: Drill | undefined): { name: string; query: Record<string, string> } | undefined {
  if (drill?.list === undefined) return undefined
  const name = DRILL_ROUTES[drill.list]
  return name === undefined ? undefined : { name, query: { ...(drill.query ?? {}) } }
}

/**
 * The page of a record a figure counted: a problem or a risk has its own; an assignment or a work
 * record lives on its task's page, an obligation on its risk's (their parentId).
 */
export function sourceRoute(source: ReportSource): RouteLocationRaw | undefined {
  const id = source.id
  const parent = source.parentId
  switch (source.list) {
    case 'RECTIFICATIONS':
      return id === undefined ? undefined : { name: 'rectification-detail', params: { id } }
    case 'RISKS':
      return id === undefined ? undefined : { name: 'risk-detail', params: { id } }
    case 'OBLIGATIONS':
      return parent === undefined ? undefined : { name: 'risk-detail', params: { id: parent } }
    case 'ASSIGNMENTS':
    case 'RECORDS':
      return parent === undefined ? undefined : { name: 'task-detail', params: { id: parent } }
    default:
      return undefined
  }
}

const ZH_QUARTERS = ['一', '二', '三', '四']

/**
 * A period code in words: 2026H1 → 2026年上半年, 2026Q2 → 2026年第二季度, 2026-05 → 2026年5月,
 * 2026 → 2026年, 2026-01-01~2026-03-31 → 2026-01-01 至 2026-03-31 (English in the English UI).
 * Anything else is shown as it came.
 */
export function periodWords(code: string | undefined | null): string {
  if (code === undefined || code === null || code === '') return ''
  const t = i18n.global.t
  let match: RegExpExecArray | null
  if ((match = /^(\d{4})H([12])$/.exec(code)) !== null) return t(`reports.periodWords.half${match[2] as '1' | '2'}`, { year: match[1] })
  if ((match = /^(\d{4})Q([1-4])$/.exec(code)) !== null) {
    const q = Number(match[2])
    return t('reports.periodWords.quarter', { year: match[1], q, zh: ZH_QUARTERS[q - 1] ?? '' })
  }
  if ((match = /^(\d{4})-(\d{2})$/.exec(code)) !== null) return t('reports.periodWords.month', { year: match[1], month: Number(match[2]) })
  if ((match = /^(\d{4})$/.exec(code)) !== null) return t('reports.periodWords.year', { year: match[1] })
  if ((match = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/.exec(code)) !== null) return t('reports.periodWords.range', { from: match[1], to: match[2] })
  return code
}
