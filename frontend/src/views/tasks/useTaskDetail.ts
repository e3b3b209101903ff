import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { api, call, ifMatch } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { ApiError } from '@/api/problem'
import { useUnitsStore } from '@/stores/units'
import { useAllowedActions, type TaskActionCode } from '@/composables/useAllowedActions'
import { usePagedTable } from '@/composables/usePagedTable'
import type { JournalEvent } from '@/components/RecordTimeline.vue'
import type { Assignment, Task } from './taskModel'

function queryString(value: unknown): string | undefined {
  if (Array.isArray(value)) return queryString(value[0])
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** State and supervisor actions of the task page (/tasks/:id?assignment=…). */
export function useTaskDetail() {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const units = useUnitsStore()

  const taskId = computed(() => queryString(route.params.id) ?? '')
  const selectedId = computed(() => queryString(route.query.assignment))

  const task = shallowRef<Task | null>(null)
  const assignments = shallowRef<Assignment[]>([])
  const loading = ref(false)
  const notFound = ref(false)
  const formOpen = ref(false)
  const issueOpen = ref(false)

  /** What the server lets the caller do with the task now. */
  const actions = useAllowedActions<TaskActionCode>(task)

  const timeline = usePagedTable<JournalEvent, Record<string, string>>({
    syncUrl: false,
    immediate: false,
    filters: {},
    limit: 100,
    fetch: ({ limit, cursor }) =>
      call(
        api().GET('/api/v1/tasks/{id}/timeline', {
          params: { path: { id: taskId.value }, query: { limit, ...(cursor === undefined ? {} : { cursor }) } },
        }),
      ),
  })

  async function load(): Promise<void> {
    const id = taskId.value
    if (id === '') return
    loading.value = true
    try {
      const detail = await call(api().GET('/api/v1/tasks/{id}', { params: { path: { id } } }))
      if (id !== taskId.value) return
      task.value = detail.task ?? null
      assignments.value = detail.assignments ?? []
      notFound.value = false
      // One assignment in sight (a unit officer's usual view): open it at once.
      const only = assignments.value.length === 1 ? assignments.value[0] : undefined
      if (selectedId.value === undefined && only?.id !== undefined) await select(only.id, true)
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        task.value = null
        assignments.value = []
        notFound.value = true
      } else {
        handleApiError(error)
      }
    } finally {
      loading.value = false
    }
  }

  async function refresh(): Promise<void> {
    await Promise.all([load(), timeline.reload()])
  }

  async function select(id: string | undefined, replace = false): Promise<void> {
    const query = { ...route.query, assignment: id }
    await (replace ? router.replace({ query }) : router.push({ query }))
  }

  async function afterChange(message: string, changed: Task | undefined): Promise<void> {
    ElMessage.success(message)
    if (changed !== undefined) task.value = changed
    await refresh()
  }

  async function cancelTask(): Promise<void> {
    const current = task.value
    if (current?.id === undefined) return
    let reason: string
    try {
      const answer = await ElMessageBox.prompt(t('tasks.cancelPrompt', { title: current.title ?? '' }), t('tasks.cancel'), {
        type: 'warning',
        inputType: 'textarea',
        confirmButtonText: t('tasks.cancel'),
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: 'el-button--danger',
        inputPlaceholder: t('tasks.cancelReason'),
        inputValidator: (value: string) => (value ?? '').trim() !== '' || t('tasks.cancelReasonRequired'),
      })
      reason = answer.value.trim()
    } catch {
      return
    }
    try {
      const detail = await call(
        api().POST('/api/v1/tasks/{id}/cancel', {
          params: { path: { id: current.id }, header: { 'If-Match': ifMatch(current.version) } },
          body: { reason },
        }),
      )
      await afterChange(t('tasks.cancelled'), detail.task)
    } catch (error) {
      handleApiError(error, { reload: refresh })
    }
  }

  /** Which unit an assignment's journal event concerns (the task timeline mixes them). */
  function eventContext(event: JournalEvent): string | undefined {
    if (event.entityType !== 'task_assignment') return undefined
    const assignment = assignments.value.find((candidate) => candidate.id === event.entityId)
    return assignment?.unit?.name ?? (units.nameOf(event.unitId) || undefined)
  }

  watch(taskId, (id, previous) => {
    if (id !== '' && id !== previous) void refresh()
  })
  void refresh()
  void units.load().catch(() => undefined)

  return {
    taskId,
    selectedId,
    task,
    assignments,
    loading,
    notFound,
    actions,
    formOpen,
    issueOpen,
    timeline,
    refresh,
    select,
    afterChange,
    cancelTask,
    eventContext,
  }
}
