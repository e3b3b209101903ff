import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import { api, call } from '@/api/client'
import { listExportQuery } from '@/api/exports'
import { handleApiError } from '@/api/errors'
import type { operations } from '@/api/schema'
import { isDrilled, useDrillFilters, type DrillFilter } from '@/composables/useDrillFilters'
import { usePagedTable } from '@/composables/usePagedTable'
import { useUnitsStore } from '@/stores/units'
import { useUserStore } from '@/stores/user'
import { activeOnly } from '@/views/units/unitTree'
import type { RectItem } from './rectModel'

type ListQuery = NonNullable<operations['listRectifications']['parameters']['query']>

export interface RectListFilters {
  [key: string]: string
  q: string
  status: string
  unitId: string
  category: string
  source: string
  severity: string
  kind: string
  warning: string
  // From a figure's drill (GET /statistics), shown as "来自统计".
  /** 'true': unitId and every unit below it. */
  subtree: string
  foundFrom: string
  foundTo: string
}

/** The filters a drill sets that the form has no field for. */
export const RECT_DRILL_FILTERS: readonly DrillFilter[] = [
  { kind: 'flag', key: 'subtree', value: 'true', label: 'subtree' },
  { kind: 'range', from: 'foundFrom', to: 'foundTo', label: 'found' },
]

/** The list's query of its filters ("with the units below" is a flag). */
export function rectListQuery(filters: Partial<RectListFilters>): ListQuery {
  const { subtree, ...rest } = filters
  const query: Record<string, string | boolean> = {}
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== '') query[key] = value
  if (subtree === 'true') query.subtree = true
  return query as ListQuery
}

/** State of the 整改台账 page: URL-synced filters and sort, keyset "load more", the create dialog. */
export function useRectList() {
  const router = useRouter()
  const units = useUnitsStore()
  const user = useUserStore()

  const table = usePagedTable<RectItem, RectListFilters>({
    filters: { q: '', status: '', unitId: '', category: '', source: '', severity: '', kind: '', warning: '', subtree: '', foundFrom: '', foundTo: '' },
    sort: '-createdAt',
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/rectifications', {
          params: {
            query: {
              ...rectListQuery(filters),
              sort,
              limit,
              ...(isDrilled(filters, RECT_DRILL_FILTERS) ? { includeTotal: true } : {}),
              ...(cursor === undefined ? {} : { cursor }),
            },
          },
        }),
      ),
  })
  const exportQuery = computed(() => listExportQuery(table.applied.value, rectListQuery))
  const drill = useDrillFilters(table, RECT_DRILL_FILTERS)

  const unitTree = computed(() => activeOnly(units.tree))
  const canCreate = computed(() => user.hasPermission('createRectification'))
  const createOpen = ref(false)

  async function onCreated(item: RectItem): Promise<void> {
    if (item.id !== undefined) await router.push({ name: 'rectification-detail', params: { id: item.id } })
  }

  void units.load().catch((error: unknown) => handleApiError(error))

  return { table, drill, exportQuery, unitTree, canCreate, createOpen, onCreated }
}
