import { ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { api, call } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { downloadFile } from '@/api/files'
import { confirmed } from '@/composables/useRecordActions'
import { DOCX_TYPE, type ReportTemplateInfo } from './reportModel'

/** Only Word 2007+ documents: the server reads the .docx's XML. */
export function isDocx(file: Pick<File, 'name'>): boolean {
  return /\.docx$/i.test(file.name)
}

/** The Word template reports are exported through (an admin feature): which one, download, replace, reset. */
export function useReportTemplate() {
  const { t } = useI18n()
  const info = shallowRef<ReportTemplateInfo | null>(null)
  const loading = ref(false)
  const busy = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      info.value = await call(api().GET('/api/v1/report-template'))
    } catch (error) {
      handleApiError(error)
    } finally {
      loading.value = false
    }
  }

  async function download(): Promise<void> {
    busy.value = true
    try {
      const name = await downloadFile('/api/v1/report-template/docx', { fallbackName: info.value?.fileName ?? 'template.docx' })
      ElMessage.success(t('reports.exported', { name }))
    } catch (error) {
      handleApiError(error)
    } finally {
      busy.value = false
    }
  }

  /** PUT of the file's bytes as they are (not JSON, not multipart). */
  async function upload(file: File): Promise<boolean> {
    if (!isDocx(file)) {
      ElMessage.warning(t('reports.template.docxOnly'))
      return false
    }
    busy.value = true
    try {
      info.value = await call(
        api().PUT('/api/v1/report-template', {
          params: { query: { fileName: file.name } },
          // The typed body is the document as a string; the bytes go as the File itself.
          body: '',
          bodySerializer: () => file,
          headers: { 'Content-Type': DOCX_TYPE },
        }),
      )
      ElMessage.success(t('reports.template.uploaded'))
      return true
    } catch (error) {
      handleApiError(error)
      return false
    } finally {
      busy.value = false
    }
  }

  async function reset(): Promise<void> {
    if (!(await confirmed(t('reports.template.resetConfirm'), t('reports.template.reset')))) return
    busy.value = true
    try {
      info.value = await call(api().DELETE('/api/v1/report-template'))
      ElMessage.success(t('reports.template.resetDone'))
    } catch (error) {
      handleApiError(error)
    } finally {
      busy.value = false
    }
  }

  void load()

  return { info, loading, busy, load, download, upload, reset }
}
