import type { components } from '@/api/schema'
import { RISK_LEVELS, SCALE, levelOfScore, type RiskLevel, type RiskMatrix, type Thresholds } from './riskModel'

export type CreateRiskMatrix = components['schemas']['CreateRiskMatrix']

/** One square of the 5×5 matrix and the level the thresholds give it. */
export interface MatrixCell {
  likelihood: number
  impact: number
  score: number
  level: RiskLevel
}

/** All 25 squares, likelihood-major (the order of the server's `cells`). */
export function matrixCells(thresholds: Thresholds): MatrixCell[] {
  const cells: MatrixCell[] = []
  for (const likelihood of SCALE) {
    for (const impact of SCALE) {
      const score = likelihood * impact
      cells.push({ likelihood, impact, score, level: levelOfScore(thresholds, score) })
    }
  }
  return cells
}

export function cellKey(cell: Pick<MatrixCell, 'likelihood' | 'impact'>): string {
  return `${cell.likelihood}:${cell.impact}`
}

/** The squares whose level differs between two sets of thresholds (none without a "before"). */
export function changedCells(before: Thresholds | null | undefined, after: Thresholds): MatrixCell[] {
  if (before === null || before === undefined) return []
  const old = new Map(matrixCells(before).map((cell) => [cellKey(cell), cell.level]))
  return matrixCells(after).filter((cell) => old.get(cellKey(cell)) !== cell.level)
}

/** How many squares each level covers (the legend of a preview). */
export function cellsPerLevel(cells: readonly MatrixCell[]): Record<RiskLevel, number> {
  const counts: Record<RiskLevel, number> = { MAJOR: 0, SIGNIFICANT: 0, GENERAL: 0, LOW: 0 }
  for (const cell of cells) counts[cell.level] += 1
  return counts
}

/** The server's rule, checked before sending: 2 ≤ 一般 < 较大 < 重大 ≤ 25. */
export function thresholdsValid(thresholds: { majorMin: number | null; significantMin: number | null; generalMin: number | null }): boolean {
  const { majorMin, significantMin, generalMin } = thresholds
  if (majorMin === null || significantMin === null || generalMin === null) return false
  return generalMin >= 2 && majorMin <= 25 && generalMin < significantMin && significantMin < majorMin
}

/** The lowest score of each level, e.g. 低 is 1 … generalMin − 1 (for the legend). */
export function scoreRange(thresholds: Thresholds, level: RiskLevel): { min: number; max: number } {
  const major = thresholds.majorMin ?? 26
  const significant = thresholds.significantMin ?? major
  const general = thresholds.generalMin ?? significant
  switch (level) {
    case 'MAJOR':
      return { min: major, max: 25 }
    case 'SIGNIFICANT':
      return { min: significant, max: major - 1 }
    case 'GENERAL':
      return { min: general, max: significant - 1 }
    default:
      return { min: 1, max: general - 1 }
  }
}

/** What the publish form edits; it starts as a copy of the current version. */
export interface MatrixForm {
  likelihoodLabels: string[]
  impactLabels: string[]
  majorMin: number | null
  significantMin: number | null
  generalMin: number | null
  colours: Record<RiskLevel, string>
  note: string
}

export function matrixForm(current: RiskMatrix | null | undefined, defaults: Readonly<Record<RiskLevel, string>>): MatrixForm {
  const labels = (values: readonly string[] | undefined): string[] => SCALE.map((value) => values?.[value - 1] ?? '')
  const colours = {} as Record<RiskLevel, string>
  for (const level of RISK_LEVELS) colours[level] = current?.colours?.[level] ?? defaults[level]
  return {
    likelihoodLabels: labels(current?.likelihoodLabels),
    impactLabels: labels(current?.impactLabels),
    majorMin: current?.majorMin ?? null,
    significantMin: current?.significantMin ?? null,
    generalMin: current?.generalMin ?? null,
    colours,
    note: '',
  }
}

const HEX = /^#[0-9a-fA-F]{6}$/

/** The request body: trimmed labels, the colours that are valid #rrggbb (others stay as they are), an optional note. */
export function matrixRequest(form: MatrixForm): CreateRiskMatrix {
  const colours: Record<string, string> = {}
  for (const level of RISK_LEVELS) {
    const colour = form.colours[level]
    if (HEX.test(colour)) colours[level] = colour.toLowerCase()
  }
  const note = form.note.trim()
  return {
    likelihoodLabels: form.likelihoodLabels.map((label) => label.trim()),
    impactLabels: form.impactLabels.map((label) => label.trim()),
    majorMin: form.majorMin ?? 0,
    significantMin: form.significantMin ?? 0,
    generalMin: form.generalMin ?? 0,
    ...(Object.keys(colours).length > 0 ? { colours } : {}),
    ...(note === '' ? {} : { note }),
  }
}
