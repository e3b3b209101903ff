import { computed, shallowRef, watch, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import { api, call } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { useRiskMatrixStore } from '@/stores/riskMatrix'
import { heatSquares, type CellRef, type RiskHeatmapData } from '@/views/risks/riskHeatmap'
import type { RiskHeatmapQuery } from '@/views/risks/riskQuery'

/** The list query of the map's scope: the chosen unit and every unit below it (none: the whole scope). */
export function heatmapScope(unitId: string): { unitId?: string; subtree?: 'true' } {
  return unitId === '' ? {} : { unitId, subtree: 'true' }
}

/** The 风险台账 route of one square: the open risks graded there, in the map's scope. */
export function heatCellRoute(cell: CellRef, unitId: string): { name: string; query: Record<string, string> } {
  return { name: 'risks', query: { ...heatmapScope(unitId), likelihood: String(cell.likelihood), impact: String(cell.impact) } }
}

/** The risk heat map of the dashboard (current open risks, inherent grading) for the chosen unit's subtree. */
export function useDashboardHeatmap(unitId: Ref<string>, visible: Ref<boolean>) {
  const router = useRouter()
  const matrixStore = useRiskMatrixStore()
  const data = shallowRef<RiskHeatmapData | null>(null)
  const loading = shallowRef(false)
  let seq = 0

  async function load(): Promise<void> {
    if (!visible.value) return
    const current = ++seq
    loading.value = true
    const query: RiskHeatmapQuery = { basis: 'INHERENT', ...(unitId.value === '' ? {} : { unitId: unitId.value, subtree: true }) }
    try {
      const answer = await call(api().GET('/api/v1/risks/heatmap', { params: { query } }))
      if (current === seq) data.value = answer
    } catch (error) {
      if (current === seq) handleApiError(error)
    } finally {
      if (current === seq) loading.value = false
    }
  }

  const matrix = computed(() => matrixStore.current)
  const squares = computed(() => heatSquares(data.value?.cells, matrix.value))
  const filled = computed(() => squares.value.filter((square) => square.count > 0).sort((a, b) => b.score - a.score || b.count - a.count))

  async function open(cell: CellRef): Promise<void> {
    await router.push(heatCellRoute(cell, unitId.value))
  }

  watch(unitId, () => void load())
  void matrixStore.load().catch((error: unknown) => handleApiError(error))
  void load()

  return { data, loading, matrix, squares, filled, open }
}
