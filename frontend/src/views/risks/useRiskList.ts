import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { api, call } from '@/api/client'
import { listExportQuery } from '@/api/exports'
import { handleApiError } from '@/api/errors'
import { isDrilled, useDrillFilters } from '@/composables/useDrillFilters'
import { usePagedTable } from '@/composables/usePagedTable'
import { useRiskMatrixStore } from '@/stores/riskMatrix'
import { useUnitsStore } from '@/stores/units'
import { useUserStore } from '@/stores/user'
import { activeOnly } from '@/views/units/unitTree'
import { cellFromFilters, countsByLevel, heatSquares, toggleCell, type CellRef, type RiskHeatmapData } from './riskHeatmap'
import { EMPTY_RISK_FILTERS, RISK_DRILL_FILTERS, heatmapQuery, riskListQuery, type RiskListFilters } from './riskQuery'
import type { Risk, RiskBasis } from './riskModel'

/**
 * State of the 风险台账 page: URL-synced filters and sort, keyset "load more", the heat map of the
 * same filters (a click on a square narrows the list to it), the create dialog.
 */
export function useRiskList() {
  const router = useRouter()
  const route = useRoute()
  const units = useUnitsStore()
  const matrixStore = useRiskMatrixStore()
  const user = useUserStore()

  const table = usePagedTable<Risk, RiskListFilters>({
    filters: { ...EMPTY_RISK_FILTERS },
    sort: '-createdAt',
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/risks', {
          params: {
            query: {
              ...riskListQuery(filters),
              sort,
              limit,
              ...(isDrilled(filters, RISK_DRILL_FILTERS) ? { includeTotal: true } : {}),
              ...(cursor === undefined ? {} : { cursor }),
            },
          },
        }),
      ),
  })
  const { filters } = table
  const drill = useDrillFilters({ filters, search: () => search() }, RISK_DRILL_FILTERS)
  const exportQuery = computed(() => listExportQuery(table.applied.value, riskListQuery))

  const heatmap = shallowRef<RiskHeatmapData | null>(null)
  const heatmapLoading = ref(false)
  let heatmapKey = ''
  let heatmapSeq = 0

  /** Loads the map for the applied filters; skipped when they did not change (unless forced). */
  async function loadHeatmap(force = false): Promise<void> {
    const query = heatmapQuery(filters)
    const key = JSON.stringify(query)
    if (!force && key === heatmapKey) return
    heatmapKey = key
    const seq = ++heatmapSeq
    heatmapLoading.value = true
    try {
      const data = await call(api().GET('/api/v1/risks/heatmap', { params: { query } }))
      if (seq === heatmapSeq) heatmap.value = data
    } catch (error) {
      if (seq === heatmapSeq) {
        heatmapKey = ''
        handleApiError(error)
      }
    } finally {
      if (seq === heatmapSeq) heatmapLoading.value = false
    }
  }

  const squares = computed(() => heatSquares(heatmap.value?.cells, matrixStore.current))
  const levelCounts = computed(() => countsByLevel(squares.value))
  const selectedCell = computed<CellRef | null>(() => cellFromFilters(filters.likelihood, filters.impact))
  const basis = computed<RiskBasis>(() => (filters.basis === 'RESIDUAL' ? 'RESIDUAL' : 'INHERENT'))

  /** True while this page changes the URL itself (the route watcher is for back/forward only). */
  let applying = false
  async function applied(change: () => Promise<void>, forceHeatmap = false): Promise<void> {
    applying = true
    try {
      await change()
    } finally {
      applying = false
    }
    void loadHeatmap(forceHeatmap)
  }

  /** 查询 reloads the map too, even with unchanged filters (someone may have graded a risk). */
  async function search(): Promise<void> {
    await applied(() => table.search(), true)
  }

  async function reset(): Promise<void> {
    await applied(() => table.reset())
  }

  function setCell(cell: CellRef | null): void {
    filters.likelihood = cell === null ? '' : String(cell.likelihood)
    filters.impact = cell === null ? '' : String(cell.impact)
  }

  /** A click on a square selects it; a click on the selected one (or the chip's ×) clears it. */
  async function onCellClick(cell: CellRef | null): Promise<void> {
    setCell(cell === null ? null : toggleCell(selectedCell.value, cell))
    await applied(() => table.search())
  }

  /** Inherent and residual squares are different places: switching drops the square. */
  async function setBasis(value: RiskBasis): Promise<void> {
    filters.basis = value === 'RESIDUAL' ? 'RESIDUAL' : ''
    setCell(null)
    await applied(() => table.search())
  }

  async function showUngraded(): Promise<void> {
    filters.graded = 'false'
    setCell(null)
    await search()
  }

  // Back/forward or a pasted link: the table follows the URL by itself; the map follows here.
  watch(
    () => route.query,
    () => {
      if (!applying && route.name === 'risks') void loadHeatmap()
    },
  )

  const unitTree = computed(() => activeOnly(units.tree))
  const canCreate = computed(() => user.hasPermission('createRisk'))
  /** The 评分矩阵 page is where a new version is published (an admin feature). */
  const canManageMatrix = computed(() => user.hasPermission('createRiskMatrix'))
  const createOpen = ref(false)

  async function onCreated(risk: Risk): Promise<void> {
    if (risk.id !== undefined) await router.push({ name: 'risk-detail', params: { id: risk.id } })
  }

  void units.load().catch((error: unknown) => handleApiError(error))
  void matrixStore.load().catch((error: unknown) => handleApiError(error))
  void loadHeatmap()

  return {
    table,
    drill,
    exportQuery,
    heatmap,
    heatmapLoading,
    squares,
    levelCounts,
    selectedCell,
    basis,
    matrix: computed(() => matrixStore.current),
    search,
    reset,
    onCellClick,
    setBasis,
    showUngraded,
    unitTree,
    canCreate,
    canManageMatrix,
    createOpen,
    onCreated,
  }
}
