import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import { api, call } from '@/api/client'
import { listExportQuery } from '@/api/exports'
import { handleApiError } from '@/api/errors'
import type { operations } from '@/api/schema'
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
}

/** State of the 整改台账 page: URL-synced filters and sort, keyset "load more", the create dialog. */
export function useRectList() {
  const router = useRouter()
  const units = useUnitsStore()
  const user = useUserStore()

  const table = usePagedTable<RectItem, RectListFilters>({
    filters: { q: '', status: '', unitId: '', category: '', source: '', severity: '', kind: '', warning: '' },
    sort: '-createdAt',
    limit: 20,
    fetch: ({ filters, sort, limit, cursor }) =>
      call(
        api().GET('/api/v1/rectifications', {
          params: { query: { ...filters, sort, limit, ...(cursor === undefined ? {} : { cursor }) } as ListQuery },
        }),
      ),
  })
  const exportQuery = computed(() => listExportQuery(table.applied.value, (filters) => ({ ...filters })))

  const unitTree = computed(() => activeOnly(units.tree))
  const canCreate = computed(() => user.hasPermission('createRectification'))
  const createOpen = ref(false)

  async function onCreated(item: RectItem): Promise<void> {
    if (item.id !== undefined) await router.push({ name: 'rectification-detail', params: { id: item.id } })
  }

  void units.load().catch((error: unknown) => handleApiError(error))

  return { table, exportQuery, unitTree, canCreate, createOpen, onCreated }
}
