import { nextTick, reactive } from 'vue'

/**
 * Server-side field errors for an Element Plus form: bind `:error="errors.code"` on each
 * el-form-item and pass `setAll` as handleApiError's onFields.
 */
export function useFormErrors<F extends string>(fields: readonly F[]) {
  const errors = reactive<Partial<Record<F, string>>>({}) as Partial<Record<F, string>>

  function clear(): void {
    for (const field of fields) errors[field] = undefined
  }

  function setAll(found: Record<string, string>): void {
    clear()
    // el-form-item only reacts to a *change* of its error prop: clear first, set on the next tick,
    // so the same server message shows again after a second failed submit.
    void nextTick(() => {
      for (const field of fields) {
        const message = found[field]
        if (message !== undefined) errors[field] = message
      }
    })
  }

  return { errors, clear, setAll, fields }
}
