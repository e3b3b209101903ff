import { ref, type Ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { handleApiError } from '@/api/errors'

/** A route param or query value as one string ('' when absent). */
export function routeParam(value: unknown): string {
  if (Array.isArray(value)) return routeParam(value[0])
  return typeof value === 'string' ? value : ''
}

/** A yes/no confirmation; false when the user backs out. */
export async function confirmed(message: string, title: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning' })
    return true
  } catch {
    return false
  }
}

/** Asks for a reason (the prompt is the confirmation); undefined when the user backs out. */
export async function askReason(message: string, title: string, confirm: string, required: string, danger = false): Promise<string | undefined> {
  try {
    const answer = await ElMessageBox.prompt(message, title, {
      type: 'warning',
      inputType: 'textarea',
      confirmButtonText: confirm,
      ...(danger ? { confirmButtonClass: 'el-button--danger' } : {}),
      inputValidator: (value: string) => (value ?? '').trim() !== '' || required,
    })
    return answer.value.trim()
  } catch {
    return undefined
  }
}

/**
 * Actions of a record page: `run` does one change, says so and reloads the page; errors (409
 * rules, 412 stale with a reload offer) go to the one handler. `busy` covers the whole run.
 */
export function useRecordActions(refresh: () => Promise<void>): { busy: Ref<boolean>; run: (message: string, change: () => Promise<unknown>) => Promise<boolean> } {
  const busy = ref(false)

  async function run(message: string, change: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    try {
      await change()
      ElMessage.success(message)
      await refresh()
      return true
    } catch (error) {
      handleApiError(error, { reload: refresh })
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
