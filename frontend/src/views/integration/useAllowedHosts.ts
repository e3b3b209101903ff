import { reactive, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { useFormErrors } from '@/composables/useFormErrors'
import { confirmed } from './confirm'
import type { AllowedHost } from './integrationModel'

/** The 允许的内网地址 tab: the (short, unpaged) list, adding a host with a note, removing one. */
export function useAllowedHosts() {
  const { t } = useI18n()
  const hosts = shallowRef<AllowedHost[]>([])
  const loading = ref(false)
  const saving = ref(false)
  const form = reactive({ host: '', note: '' })
  const { errors, clear, setAll } = useFormErrors(['host', 'note'] as const)

  async function load(): Promise<void> {
    loading.value = true
    try {
      hosts.value = (await call(api().GET('/api/v1/webhooks/allowed-hosts'))).items ?? []
    } catch (error) {
      handleApiError(error)
    } finally {
      loading.value = false
    }
  }

  async function allow(): Promise<void> {
    clear()
    const host = form.host.trim()
    if (host === '') {
      setAll({ host: t('integration.hostHint') })
      return
    }
    saving.value = true
    try {
      const saved = await call(api().PUT('/api/v1/webhooks/allowed-hosts/{host}', { params: { path: { host } }, body: { note: form.note.trim() } }))
      ElMessage.success(t('integration.hostAllowed', { host: saved.host ?? host }))
      Object.assign(form, { host: '', note: '' })
      await load()
    } catch (error) {
      handleApiError(error, { formFields: ['host', 'note'], onFields: setAll })
    } finally {
      saving.value = false
    }
  }

  async function remove(row: AllowedHost): Promise<void> {
    const host = row.host
    if (host === undefined) return
    if (!(await confirmed(t('integration.removeHostConfirm', { host }), t('integration.removeHost'), t('integration.removeHost')))) return
    try {
      await call(api().DELETE('/api/v1/webhooks/allowed-hosts/{host}', { params: { path: { host } } }))
      ElMessage.success(t('integration.hostRemoved', { host }))
      await load()
    } catch (error) {
      handleApiError(error)
    }
  }

  void load()

  return { hosts, loading, saving, form, errors, load, allow, remove }
}
