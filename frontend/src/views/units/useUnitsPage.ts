import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox, type TabPaneName } from 'element-plus'
import { api, call, ifMatch } from '@/api/client'
import { handleApiError } from '@/api/errors'
import type { components } from '@/api/schema'
import { useAllowedActions, type ActionState, type UnitActionCode } from '@/composables/useAllowedActions'
import { useUnitsStore } from '@/stores/units'
import { useUserStore } from '@/stores/user'
import type { JournalEvent } from '@/components/RecordTimeline.vue'
import { activeOnly, findNode, parentOf } from './unitTree'

export type Unit = components['schemas']['Unit']

/** State and actions of the 组织机构 page; the template only binds to this. */
export function useUnitsPage() {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const units = useUnitsStore()
  const user = useUserStore()

  const canCreate = computed(() => user.hasPermission('createUnit'))
  /** The history tab reads the journal (GET /events). */
  const canReadJournal = computed(() => user.hasPermission('listEvents'))

  const includeInactive = ref(route.query.inactive === '1')
  const treeLoading = ref(false)
  const selectedId = ref<string | undefined>(typeof route.query.id === 'string' ? route.query.id : undefined)
  const unit = shallowRef<Unit | null>(null)
  const detailLoading = ref(false)
  const events = shallowRef<JournalEvent[]>([])
  const eventsLoading = ref(false)
  const tab = ref<TabPaneName>('attachments')

  /** What the server lets the caller do with the selected unit now. */
  const actions = useAllowedActions<UnitActionCode>(unit)
  /** A new unit goes below an active one only (the server refuses it under a deactivated one). */
  const createChild = computed<ActionState>(() => ({
    shown: canCreate.value,
    disabled: unit.value?.active === false,
    reason: unit.value?.active === false ? t('units.createChildInactive') : '',
  }))

  const tree = computed(() => (includeInactive.value ? units.tree : activeOnly(units.tree)))
  const parentName = computed(() => {
    if (unit.value?.id === undefined) return ''
    return parentOf(units.tree, unit.value.id)?.name ?? ''
  })

  async function loadTree(force = true): Promise<void> {
    treeLoading.value = true
    try {
      await units.load(force)
    } catch (error) {
      handleApiError(error)
    } finally {
      treeLoading.value = false
    }
  }

  async function loadEvents(): Promise<void> {
    const id = selectedId.value
    if (id === undefined || !canReadJournal.value) return
    eventsLoading.value = true
    try {
      const page = await call(
        api().GET('/api/v1/events', { params: { query: { entityType: 'unit', entityId: id, limit: 50 } } }),
      )
      if (selectedId.value === id) events.value = page.items ?? []
    } catch (error) {
      handleApiError(error)
    } finally {
      eventsLoading.value = false
    }
  }

  async function loadDetail(): Promise<void> {
    const id = selectedId.value
    if (id === undefined) {
      unit.value = null
      return
    }
    detailLoading.value = true
    try {
      const data = await call(api().GET('/api/v1/units/{id}', { params: { path: { id } } }))
      if (selectedId.value === id) unit.value = data
    } catch (error) {
      unit.value = null
      handleApiError(error)
    } finally {
      detailLoading.value = false
    }
    // Reading the journal is itself journaled, so only fetch history when that tab is open.
    if (tab.value === 'history') await loadEvents()
  }

  async function select(id: string | undefined): Promise<void> {
    selectedId.value = id
    events.value = []
    await router.replace({ query: { ...route.query, id } })
    await loadDetail()
  }

  async function refresh(): Promise<void> {
    await Promise.all([loadTree(true), loadDetail()])
  }

  watch(includeInactive, (value) => {
    void router.replace({ query: { ...route.query, inactive: value ? '1' : undefined } })
  })
  watch(tab, (value) => {
    if (value === 'history' && events.value.length === 0) void loadEvents()
  })

  async function afterChange(message: string, changed: Unit): Promise<void> {
    ElMessage.success(message)
    unit.value = changed
    events.value = []
    await loadTree(true)
    if (tab.value === 'history') await loadEvents()
  }

  async function deactivate(): Promise<void> {
    const current = unit.value
    if (current?.id === undefined) return
    let reason: string
    try {
      const answer = await ElMessageBox.prompt(t('units.deactivateConfirm', { name: current.name }), t('units.deactivate'), {
        type: 'warning',
        confirmButtonText: t('units.deactivate'),
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: 'el-button--danger',
        inputPlaceholder: t('units.deactivateReason'),
        inputValidator: (value: string) => (value ?? '').length <= 500,
      })
      reason = (answer.value ?? '').trim()
    } catch {
      return
    }
    try {
      const changed = await call(
        api().POST('/api/v1/units/{id}/deactivate', {
          params: { path: { id: current.id }, header: { 'If-Match': ifMatch(current.version) } },
          body: reason === '' ? {} : { reason },
        }),
      )
      // Keep showing it: a deactivated unit would vanish from the active-only tree.
      if (!includeInactive.value) includeInactive.value = true
      await afterChange(t('units.deactivated'), changed)
    } catch (error) {
      handleApiError(error, { reload: refresh })
    }
  }

  async function activate(): Promise<void> {
    const current = unit.value
    if (current?.id === undefined) return
    try {
      await ElMessageBox.confirm(t('units.activateConfirm', { name: current.name }), t('units.activate'), {
        type: 'info',
        confirmButtonText: t('units.activate'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return
    }
    try {
      const changed = await call(
        api().POST('/api/v1/units/{id}/activate', {
          params: { path: { id: current.id }, header: { 'If-Match': ifMatch(current.version) } },
        }),
      )
      await afterChange(t('units.activated'), changed)
    } catch (error) {
      handleApiError(error, { reload: refresh })
    }
  }

  async function onCreated(created: Unit): Promise<void> {
    ElMessage.success(t('units.created'))
    await loadTree(true)
    await select(created.id)
  }

  async function onSaved(changed: Unit, message: string): Promise<void> {
    await afterChange(message, changed)
  }

  const selectedNode = computed(() => (selectedId.value === undefined ? undefined : findNode(units.tree, selectedId.value)))

  void loadTree(false).then(() => loadDetail())

  return {
    tree,
    fullTree: computed(() => units.tree),
    treeLoading,
    includeInactive,
    selectedId,
    selectedNode,
    unit,
    parentName,
    detailLoading,
    events,
    eventsLoading,
    tab,
    canCreate,
    createChild,
    actions,
    canReadJournal,
    select,
    refresh,
    deactivate,
    activate,
    onCreated,
    onSaved,
    loadEvents,
  }
}
