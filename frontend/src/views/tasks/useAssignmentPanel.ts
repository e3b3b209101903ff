import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { api, call, ifMatch } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { ApiError } from '@/api/problem'
import { useAllowedActions, type AssignmentActionCode } from '@/composables/useAllowedActions'
import { i18n } from '@/i18n'
import type { Assignment, TaskUrge } from './taskModel'

export type AssignmentTransition = 'accept' | 'submit' | 'approve' | 'return'

interface PromptOptions {
  title: string
  message: string
  confirm: string
  placeholder?: string
  /** Message shown when left empty; absent: the text is optional. */
  required?: string
  danger?: boolean
}

/**
 * Asks for a confirmation with a text (optional or required); null when the user cancels.
 * Every assignment action goes through here or through a plain confirm.
 */
export async function promptText(options: PromptOptions): Promise<string | null> {
  try {
    const answer = await ElMessageBox.prompt(options.message, options.title, {
      type: options.danger === true ? 'warning' : 'info',
      inputType: 'textarea',
      confirmButtonText: options.confirm,
      cancelButtonText: i18n.global.t('common.cancel'),
      confirmButtonClass: options.danger === true ? 'el-button--danger' : undefined,
      inputPlaceholder: options.placeholder,
      inputValidator: (value: string) => {
        const text = (value ?? '').trim()
        if (options.required !== undefined && text === '') return options.required
        return text.length <= 2000
      },
    })
    return (answer.value ?? '').trim()
  } catch {
    return null
  }
}

/**
 * One assignment (待签收 → 办理中 → 已报送 → 已办结) as the unit officer and the supervisor work
 * on it: load it, offer the actions the server allows, confirm, send with If-Match, report back.
 */
export function useAssignmentPanel(assignmentId: Ref<string | undefined>, onChanged: () => unknown) {
  const { t } = useI18n()

  const assignment = shallowRef<Assignment | null>(null)
  const loading = ref(false)
  const notFound = ref(false)
  const ownBusy = ref(false)
  /** Bumped after every change, so the lists below reload. */
  const revision = ref(0)
  const transitions = useAssignmentTransitions(
    async (_action, message, target) => {
      if (target.id === assignment.value?.id) await changed(message)
      else {
        ElMessage.success(message)
        await onChanged()
      }
    },
    () => Promise.all([load(), onChanged()]),
  )
  const busy = computed(() => ownBusy.value || transitions.busy.value)

  /** What the server lets the caller do with the assignment now. */
  const actions = useAllowedActions<AssignmentActionCode>(assignment)
  const unitName = computed(() => assignment.value?.unit?.name ?? '')

  async function load(): Promise<void> {
    const id = assignmentId.value
    if (id === undefined) {
      assignment.value = null
      notFound.value = false
      return
    }
    loading.value = true
    try {
      const data = await call(api().GET('/api/v1/assignments/{id}', { params: { path: { id } } }))
      if (id !== assignmentId.value) return
      assignment.value = data
      notFound.value = false
    } catch (error) {
      if (id !== assignmentId.value) return
      assignment.value = null
      // Out of scope and absent look the same (404): say so in place, not in a toast.
      if (error instanceof ApiError && error.status === 404) notFound.value = true
      else handleApiError(error)
    } finally {
      loading.value = false
    }
  }

  /** After a change: the assignment (its version moved on), its lists, and the page around it. */
  async function changed(message: string): Promise<void> {
    ElMessage.success(message)
    revision.value += 1
    await load()
    await onChanged()
  }

  async function urge(): Promise<void> {
    const current = assignment.value
    if (current?.id === undefined) return
    const message = await promptText({
      title: t('assignment.urge'),
      message: t('assignment.urgePrompt', { unit: unitName.value }),
      confirm: t('assignment.urge'),
      required: t('assignment.urgeMessageRequired'),
    })
    if (message === null) return
    ownBusy.value = true
    try {
      await call(api().POST('/api/v1/assignments/{id}/urges', { params: { path: { id: current.id } }, body: { message } }))
      await changed(t('assignment.done.urge'))
    } catch (error) {
      handleApiError(error, { reload: load })
    } finally {
      ownBusy.value = false
    }
  }

  async function reply(urgeItem: TaskUrge): Promise<void> {
    const current = assignment.value
    if (current?.id === undefined || urgeItem.id === undefined) return
    const text = await promptText({
      title: t('assignment.reply'),
      message: t('assignment.replyPrompt', { message: urgeItem.message ?? '' }),
      confirm: t('assignment.reply'),
      required: t('assignment.replyRequired'),
    })
    if (text === null) return
    ownBusy.value = true
    try {
      await call(
        api().POST('/api/v1/assignments/{id}/urges/{urgeId}/reply', {
          params: { path: { id: current.id, urgeId: urgeItem.id } },
          body: { reply: text },
        }),
      )
      await changed(t('assignment.done.reply'))
    } catch (error) {
      handleApiError(error)
    } finally {
      ownBusy.value = false
    }
  }

  watch(assignmentId, () => void load(), { immediate: true })

  return {
    assignment,
    loading,
    notFound,
    busy,
    revision,
    actions,
    unitName,
    load,
    changed,
    transition: (action: AssignmentTransition) => transitions.transition(action, assignment.value),
    urge,
    reply,
  }
}

/**
 * The four state changes (签收, 报送, 办结, 退回), each confirmed (with an optional note or a
 * required reason) and sent with the assignment's version as If-Match. Used by the assignment
 * panel and the quick actions of the 承办事项 list.
 */
export function useAssignmentTransitions(
  onDone: (action: AssignmentTransition, message: string, target: Assignment) => unknown,
  reload: () => unknown,
) {
  const { t } = useI18n()
  const busy = ref(false)

  async function confirmPlain(message: string, title: string, confirm: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, { type: 'info', confirmButtonText: confirm, cancelButtonText: t('common.cancel') })
      return true
    } catch {
      return false
    }
  }

  /** Asks what the action needs (nothing, an optional note, a required reason) and sends it. */
  async function transition(action: AssignmentTransition, target: Assignment | null): Promise<boolean> {
    const current = target
    if (current?.id === undefined) return false
    const title = current.taskTitle ?? ''
    const unit = current.unit?.name ?? ''
    const label = t(`assignment.${action}`)
    let text: string | null = ''
    if (action === 'accept') {
      if (!(await confirmPlain(t('assignment.acceptConfirm', { title }), label, label))) return false
    } else if (action === 'submit') {
      text = await promptText({ title: label, message: t('assignment.submitPrompt', { title }), confirm: label, placeholder: t('assignment.submitNote') })
    } else if (action === 'approve') {
      text = await promptText({ title: label, message: t('assignment.approvePrompt', { unit }), confirm: label, placeholder: t('assignment.approveNote') })
    } else {
      text = await promptText({
        title: label,
        message: t('assignment.returnPrompt', { unit }),
        confirm: label,
        placeholder: t('assignment.returnReason'),
        required: t('assignment.returnReasonRequired'),
        danger: true,
      })
    }
    if (text === null) return false
    busy.value = true
    const path = { id: current.id }
    const header = { 'If-Match': ifMatch(current.version) }
    const note = text === '' ? {} : { note: text }
    try {
      if (action === 'accept') await call(api().POST('/api/v1/assignments/{id}/accept', { params: { path, header } }))
      else if (action === 'submit') await call(api().POST('/api/v1/assignments/{id}/submit', { params: { path, header }, body: note }))
      else if (action === 'approve') await call(api().POST('/api/v1/assignments/{id}/approve', { params: { path, header }, body: note }))
      else await call(api().POST('/api/v1/assignments/{id}/return', { params: { path, header }, body: { reason: text } }))
      await onDone(action, t(`assignment.done.${action}`), current)
      return true
    } catch (error) {
      handleApiError(error, { reload })
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, transition }
}
