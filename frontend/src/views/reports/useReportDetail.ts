import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { api, call, callWithResponse, ifMatch } from '@/api/client'
import { handleApiError } from '@/api/errors'
import { downloadFile } from '@/api/files'
import { ApiError } from '@/api/problem'
import { confirmed, routeParam } from '@/composables/useRecordActions'
import { useUserStore } from '@/stores/user'
import {
  draftState,
  drillRoute,
  movedCount,
  partsOf,
  type DraftState,
  type Report,
  type ReportFigure,
  type ReportRevision,
  type ReportSection,
  type ReportUpdate,
} from './reportModel'

/**
 * State and actions of a report page (/reports/:id): the document by parts, each section edited on
 * its own (PATCH with the report's ETag), 刷新数据, the exports, the revisions, a figure's sources.
 * When someone else saved meanwhile (412), the page reloads and says so; text being edited stays.
 */
export function useReportDetail() {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const user = useUserStore()

  const reportId = computed(() => routeParam(route.params.id))
  const report = shallowRef<Report | null>(null)
  const etag = ref('')
  const revisions = shallowRef<ReportRevision[] | undefined>(undefined)
  const loading = ref(false)
  const notFound = ref(false)
  const saving = ref(false)
  const refreshing = ref(false)
  /** The export under way, if any. */
  const exporting = ref<'docx' | 'pdf' | null>(null)

  /** Text being edited, by section key (a section not in here is shown, not edited). */
  const editing = reactive<Record<string, string>>({})
  /** The title being edited; null when it is shown. */
  const titleDraft = ref<string | null>(null)
  const figure = shallowRef<ReportFigure | null>(null)

  const canEdit = computed(() => user.hasPermission('updateReport'))
  const canRefresh = computed(() => user.hasPermission('refreshReport'))
  const parts = computed(() => partsOf(report.value?.sections))

  function accept(data: Report, response: Response): void {
    report.value = data
    etag.value = response.headers.get('ETag') ?? ifMatch(data.version)
  }

  async function loadRevisions(): Promise<void> {
    const id = reportId.value
    if (id === '') return
    try {
      const list = await call(api().GET('/api/v1/reports/{id}/revisions', { params: { path: { id } } }))
      if (id === reportId.value) revisions.value = list
    } catch (error) {
      handleApiError(error)
    }
  }

  async function load(): Promise<void> {
    const id = reportId.value
    if (id === '') return
    loading.value = true
    try {
      const { data, response } = await callWithResponse(api().GET('/api/v1/reports/{id}', { params: { path: { id } } }))
      if (id !== reportId.value) return
      accept(data, response)
      notFound.value = false
      void loadRevisions()
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        report.value = null
        notFound.value = true
      } else {
        handleApiError(error)
      }
    } finally {
      loading.value = false
    }
  }

  /** A stale save (someone else saved first): the latest report is loaded and the user told. */
  async function failed(error: unknown): Promise<void> {
    if (error instanceof ApiError && (error.status === 412 || error.status === 428)) {
      await load()
      ElMessage.warning({ message: t('reports.stale'), duration: 6000 })
      return
    }
    handleApiError(error, { reload: load })
  }

  async function patch(body: ReportUpdate, message: string): Promise<boolean> {
    const id = reportId.value
    if (id === '' || saving.value) return false
    saving.value = true
    try {
      const result = await callWithResponse(api().PATCH('/api/v1/reports/{id}', { params: { path: { id }, header: { 'If-Match': etag.value } }, body }))
      accept(result.data, result.response)
      ElMessage.success(message)
      void loadRevisions()
      return true
    } catch (error) {
      await failed(error)
      return false
    } finally {
      saving.value = false
    }
  }

  function startEdit(section: ReportSection): void {
    if (section.key !== undefined) editing[section.key] = section.text ?? ''
  }

  function cancelEdit(key: string): void {
    Reflect.deleteProperty(editing, key)
  }

  async function saveSection(key: string): Promise<boolean> {
    const text = (editing[key] ?? '').trim()
    if (text === '') {
      ElMessage.warning(t('reports.textRequired'))
      return false
    }
    const done = await patch({ sections: [{ key, text }] }, t('reports.saved'))
    if (done) cancelEdit(key)
    return done
  }

  /** The drafted text (the server's latest draft) in place of the author's: the text is left out, which the API reads as null. */
  async function takeDraft(key: string, message = t('reports.draftTaken')): Promise<boolean> {
    const done = await patch({ sections: [{ key }] }, message)
    if (done) cancelEdit(key)
    return done
  }

  /** 恢复草稿: the author's text is dropped (the revisions keep it), so it is confirmed first. */
  async function restoreSection(key: string): Promise<boolean> {
    if (!(await confirmed(t('reports.restoreConfirm'), t('reports.restore')))) return false
    return takeDraft(key, t('reports.restored'))
  }

  async function saveTitle(): Promise<boolean> {
    const title = (titleDraft.value ?? '').trim()
    if (title === '') {
      ElMessage.warning(t('reports.titleRequired'))
      return false
    }
    const done = title === report.value?.title || (await patch({ title }, t('reports.titleSaved')))
    if (done) titleDraft.value = null
    return done
  }

  /** 刷新数据: the figures drafted again from the ledgers; edited sections keep their text. */
  async function refreshData(): Promise<void> {
    const id = reportId.value
    if (id === '' || refreshing.value) return
    refreshing.value = true
    try {
      const result = await callWithResponse(api().POST('/api/v1/reports/{id}/refresh', { params: { path: { id }, header: { 'If-Match': etag.value } } }))
      accept(result.data, result.response)
      const count = movedCount(result.data.figures)
      ElMessage.success(count > 0 ? t('reports.refreshed', { count }) : t('reports.refreshedNone'))
      void loadRevisions()
    } catch (error) {
      await failed(error)
    } finally {
      refreshing.value = false
    }
  }

  async function download(format: 'docx' | 'pdf', appendix: boolean): Promise<void> {
    const name = await downloadFile(`/api/v1/reports/${encodeURIComponent(reportId.value)}/${format}`, {
      query: { appendix },
      fallbackName: `${report.value?.title ?? t('menu.reports')}.${format}`,
    })
    ElMessage.success(t('reports.exported', { name }))
  }

  async function exportDocx(appendix: boolean): Promise<void> {
    exporting.value = 'docx'
    try {
      await download('docx', appendix)
    } catch (error) {
      handleApiError(error)
    } finally {
      exporting.value = null
    }
  }

  /** PDF needs LibreOffice on the server; without it (503) the server's reason is shown and Word offered. */
  async function exportPdf(appendix: boolean): Promise<void> {
    exporting.value = 'pdf'
    try {
      await download('pdf', appendix)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 503)) {
        handleApiError(error)
        return
      }
      const offered = await ElMessageBox.confirm(error.problem?.detail ?? t('reports.pdfUnavailable'), t('reports.pdfUnavailableTitle'), {
        type: 'warning',
        confirmButtonText: t('reports.offerDocx'),
        cancelButtonText: t('common.close'),
      }).then(
        () => true,
        () => false,
      )
      exporting.value = null
      if (offered) await exportDocx(appendix)
    } finally {
      if (exporting.value === 'pdf') exporting.value = null
    }
  }

  function sectionDraft(section: ReportSection): DraftState {
    return draftState(section, report.value?.figures, revisions.value)
  }

  /** Whether 查看全部 has a page to open (the list page of the drill exists in this build). */
  function drillAvailable(target: ReportFigure | null): boolean {
    const location = drillRoute(target?.drill)
    return location !== undefined && router.hasRoute(location.name)
  }

  async function openDrill(target: ReportFigure): Promise<void> {
    const location = drillRoute(target.drill)
    if (location === undefined || !router.hasRoute(location.name)) return
    figure.value = null
    await router.push(location)
  }

  watch(reportId, (id, previous) => {
    if (id === '' || id === previous) return
    for (const key of Object.keys(editing)) cancelEdit(key)
    titleDraft.value = null
    revisions.value = undefined
    void load()
  })
  void load()

  return {
    reportId,
    report,
    revisions,
    parts,
    loading,
    notFound,
    saving,
    refreshing,
    exporting,
    editing,
    titleDraft,
    figure,
    canEdit,
    canRefresh,
    load,
    startEdit,
    cancelEdit,
    saveSection,
    restoreSection,
    takeDraft,
    saveTitle,
    refreshData,
    exportDocx,
    exportPdf,
    sectionDraft,
    drillAvailable,
    openDrill,
  }
}
