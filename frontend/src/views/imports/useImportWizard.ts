import { computed, inject, onScopeDispose, provide, reactive, ref, shallowRef, watch, type InjectionKey } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { handleApiError } from '@/api/errors'
import type { UploadHandle } from '@/api/files'
import {
  cancelImport,
  commitImport,
  createImport,
  deleteImportMapping,
  downloadImportAnnotated,
  downloadImportTemplate,
  getImport,
  listImportLedgers,
  listImportMappings,
  listImportProblems,
  listImportRecords,
  MAX_IMPORT_BYTES,
  revalidateImport,
  saveImportMapping,
  type ConflictMode,
  type ImportActionCode,
  type ImportEncoding,
  type ImportJob,
  type ImportLedger,
  type ImportLedgerCode,
  type ImportMapping,
  type ImportMappingSpec,
  type ImportProblem,
  type ImportRecord,
  type Paging,
} from '@/api/imports'
import { ApiError } from '@/api/problem'
import { recordActions } from '@/composables/useAllowedActions'
import { usePagedTable, type Page } from '@/composables/usePagedTable'
import { formatBytes } from '@/utils/format'
import {
  annotatedName,
  applySavedMapping,
  checkImportFile,
  draftFromHeaders,
  IMPORT_STEPS,
  isBusy,
  landingStep,
  mappingDiffers,
  type ImportStep,
} from './importModel'

export interface ImportWizardOptions {
  /** How often a running job is asked for its state (ms). */
  pollMs?: number
}

/**
 * State of the import wizard (/imports/new, /imports/:id): pick a ledger and a file, check it (the
 * server's dry run), adjust the column mapping and check again, read the problems, commit, follow
 * the progress and see what was written. The job lives on the server; this page polls it while
 * the server works on it, and the URL names it, so a reload or a link from 导入记录 shows it again.
 */
export function useImportWizard(options: ImportWizardOptions = {}) {
  const pollMs = options.pollMs ?? 700
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()

  const ledgers = shallowRef<ImportLedger[]>([])
  const ledgersLoading = ref(false)
  const form = reactive<{ ledger: ImportLedgerCode | ''; conflict: ConflictMode; encoding: ImportEncoding; mappingId: string }>({
    ledger: '',
    conflict: 'STOP',
    encoding: 'AUTO',
    mappingId: '',
  })
  const file = shallowRef<File | null>(null)
  const uploading = ref(false)
  const uploadPercent = ref(0)

  const job = shallowRef<ImportJob | null>(null)
  const jobLoading = ref(false)
  const step = ref<ImportStep>('source')
  const draft = ref<ImportMappingSpec>({})
  const draftConflict = ref<ConflictMode>('STOP')
  const mappings = shallowRef<ImportMapping[]>([])
  const validRowsOnly = ref(false)
  const acting = ref<'' | ImportActionCode | 'saveMapping'>('')

  const jobId = computed(() => job.value?.id ?? '')
  const busy = computed(() => isBusy(job.value))
  const actions = computed(() => recordActions<ImportActionCode>(job.value))
  const stepIndex = computed(() => IMPORT_STEPS.indexOf(step.value))
  /** The ledger of the job shown, else the one picked for a new file. */
  const ledgerCode = computed<ImportLedgerCode | ''>(() => job.value?.ledger ?? form.ledger)
  const ledger = computed(() => ledgers.value.find((candidate) => candidate.ledger === ledgerCode.value))
  const mappingChanged = computed(
    () => mappingDiffers(draft.value, job.value?.headers) || (job.value?.conflict !== undefined && draftConflict.value !== job.value.conflict),
  )
  const sizeLimit = formatBytes(MAX_IMPORT_BYTES)

  /** A paged list of the job shown (its problems, its records), loaded when the job gets there. */
  function jobList<T>(fetch: (id: string, paging: Paging) => Promise<Page<T>>) {
    return usePagedTable<T, Record<string, string>>({
      syncUrl: false,
      immediate: false,
      filters: {},
      limit: 50,
      fetch: ({ limit, cursor }) => fetch(jobId.value, { limit, ...(cursor === undefined ? {} : { cursor }) }),
    })
  }
  const problems = jobList<ImportProblem>(listImportProblems)
  const records = jobList<ImportRecord>(listImportRecords)

  // ---- the job and its polling ----

  let timer: ReturnType<typeof setTimeout> | undefined
  /** Bumped whenever another job is shown: answers about the previous one are dropped. */
  let generation = 0
  let pollFailures = 0
  /** The running check is one the user started with their mapping (see landingStep). */
  let mapped = false

  function stopPolling(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  function schedulePoll(): void {
    stopPolling()
    if (busy.value) timer = setTimeout(() => void pollOnce(), pollMs)
  }

  async function pollOnce(): Promise<void> {
    timer = undefined
    const id = jobId.value
    const seen = generation
    if (id === '') return
    try {
      const next = await getImport(id)
      if (seen !== generation) return
      pollFailures = 0
      setJob(next)
    } catch (error) {
      if (seen !== generation) return
      pollFailures += 1
      if (pollFailures === 1) handleApiError(error)
      // Gone or not ours: asking again will not help. A network blip or a 5xx may pass.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) return
      schedulePoll()
    }
  }

  /**
   * Shows the server's state of the job. A change of status (or the answer to the user's own action)
   * moves to that status's step and loads what it brings: the problems of a finished check, the
   * records of an ended commit.
   */
  function setJob(next: ImportJob, fresh = false): void {
    const previous = job.value
    job.value = next
    const changed = fresh || previous?.id !== next.id || previous?.status !== next.status
    if (changed) {
      step.value = landingStep(next, mapped)
      if (next.status !== 'VALIDATING') mapped = false
      if (next.status === 'VALIDATED' || next.status === 'FAILED' || next.status === 'CANCELLED' || next.status === 'COMMITTED') {
        draft.value = draftFromHeaders(next.headers)
        draftConflict.value = next.conflict ?? 'STOP'
        validRowsOnly.value = next.validRowsOnly ?? false
        void problems.reload()
      }
      if (next.status === 'COMMITTED' || next.status === 'CANCELLED' || next.status === 'FAILED') void records.reload()
      if (previous?.ledger !== next.ledger && next.ledger !== undefined) void loadMappings(next.ledger)
    }
    schedulePoll()
  }

  async function loadJob(id: string): Promise<void> {
    generation += 1
    mapped = false
    stopPolling()
    pollFailures = 0
    jobLoading.value = true
    const seen = generation
    try {
      const loaded = await getImport(id)
      if (seen === generation) setJob(loaded, true)
    } catch (error) {
      if (seen === generation) handleApiError(error)
    } finally {
      if (seen === generation) jobLoading.value = false
    }
  }

  /** Back to an empty first step (keeping the ledger and options chosen). */
  function clearJob(): void {
    generation += 1
    mapped = false
    stopPolling()
    job.value = null
    file.value = null
    uploadPercent.value = 0
    step.value = 'source'
    problems.items.value = []
    records.items.value = []
  }

  // ---- step 1: ledger, template, file ----

  async function loadLedgers(): Promise<void> {
    ledgersLoading.value = true
    try {
      // Only those the caller's role may fill (the server lists every ledger, each with `permitted`).
      ledgers.value = (await listImportLedgers()).filter((candidate) => candidate.permitted !== false)
      const known = ledgers.value.some((candidate) => candidate.ledger === form.ledger)
      const first = ledgers.value[0]?.ledger
      if (!known) form.ledger = first ?? ''
    } catch (error) {
      handleApiError(error)
    } finally {
      ledgersLoading.value = false
    }
  }

  async function loadMappings(code: ImportLedgerCode | ''): Promise<void> {
    if (code === '') {
      mappings.value = []
      return
    }
    try {
      const list = await listImportMappings(code)
      if (ledgerCode.value === code) mappings.value = list
    } catch (error) {
      handleApiError(error)
    }
  }

  async function downloadTemplate(): Promise<void> {
    if (form.ledger === '') return
    try {
      await downloadImportTemplate(form.ledger)
    } catch (error) {
      handleApiError(error)
    }
  }

  /** Takes the chosen file if it may be uploaded; says why not otherwise. */
  function chooseFile(chosen: File | null): boolean {
    if (chosen === null) {
      file.value = null
      return true
    }
    const check = checkImportFile(chosen)
    if (!check.ok) {
      const key = check.reason === 'too-large' ? 'import.fileTooLarge' : check.reason === 'empty' ? 'import.fileEmpty' : 'import.fileBadType'
      ElMessage.error({ message: t(key, { name: chosen.name, size: sizeLimit }), grouping: true })
      file.value = null
      return false
    }
    file.value = chosen
    return true
  }

  let upload: UploadHandle<ImportJob> | null = null

  /** Uploads the file; the server's dry run starts at once, and the URL then names the job. */
  async function start(): Promise<void> {
    const chosen = file.value
    if (chosen === null || form.ledger === '' || uploading.value) return
    uploading.value = true
    uploadPercent.value = 0
    try {
      upload = createImport(
        { file: chosen, ledger: form.ledger, conflict: form.conflict, encoding: form.encoding, ...(form.mappingId === '' ? {} : { mappingId: form.mappingId }) },
        (percent) => {
          uploadPercent.value = percent
        },
      )
      const created = await upload.promise
      generation += 1
      setJob(created, true)
      if (created.id !== undefined) await router.replace({ name: 'import-detail', params: { id: created.id } })
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) handleApiError(error)
    } finally {
      upload = null
      uploading.value = false
    }
  }

  /** 重新上传: a new job for the same ledger and options. */
  async function restart(): Promise<void> {
    const current = job.value
    if (current?.ledger !== undefined) form.ledger = current.ledger
    if (current?.conflict !== undefined) form.conflict = current.conflict
    clearJob()
    await router.push({ name: 'import-new' })
  }

  // ---- step 2: columns ----

  /** One of the job's actions: one at a time; the answer is the job as it now stands. */
  async function act(code: ImportActionCode, request: (id: string) => Promise<ImportJob>, confirmFirst?: () => Promise<unknown>): Promise<void> {
    const id = jobId.value
    if (id === '' || acting.value !== '') return
    if (confirmFirst !== undefined) {
      try {
        await confirmFirst()
      } catch {
        return
      }
    }
    acting.value = code
    try {
      setJob(await request(id), true)
    } catch (error) {
      handleApiError(error, { reload: () => loadJob(id) })
    } finally {
      acting.value = ''
    }
  }

  function revalidate(): Promise<void> {
    return act('revalidate', async (id) => {
      const next = await revalidateImport(id, { mapping: draft.value, conflict: draftConflict.value })
      mapped = true
      return next
    })
  }

  async function saveMapping(): Promise<void> {
    const code = ledgerCode.value
    if (code === '' || acting.value !== '') return
    let name: string
    try {
      const answer = await ElMessageBox.prompt(t('import.mappingNamePrompt'), t('import.saveMapping'), {
        inputPlaceholder: t('import.mappingName'),
        inputValidator: (value: string) => (value.trim() === '' ? t('import.mappingNameRequired') : true),
        confirmButtonText: t('common.save'),
        cancelButtonText: t('common.cancel'),
      })
      name = answer.value.trim()
    } catch {
      return
    }
    acting.value = 'saveMapping'
    try {
      const saved = await saveImportMapping({ ledger: code, name, mapping: draft.value })
      // The same name replaces the earlier mapping.
      mappings.value = [...mappings.value.filter((candidate) => candidate.id !== saved.id && candidate.name !== saved.name), saved]
      ElMessage.success(t('import.mappingSaved', { name }))
    } catch (error) {
      handleApiError(error)
    } finally {
      acting.value = ''
    }
  }

  function applyMapping(mappingId: string): void {
    const saved = mappings.value.find((candidate) => candidate.id === mappingId)
    if (saved === undefined) return
    draft.value = applySavedMapping(draft.value, saved.mapping)
    ElMessage.success(t('import.mappingApplied', { name: saved.name ?? '' }))
  }

  async function removeMapping(mappingId: string): Promise<void> {
    const saved = mappings.value.find((candidate) => candidate.id === mappingId)
    if (saved === undefined) return
    try {
      await ElMessageBox.confirm(t('import.deleteMappingConfirm', { name: saved.name ?? '' }), t('import.deleteMapping'), {
        type: 'warning',
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return
    }
    try {
      await deleteImportMapping(mappingId)
      mappings.value = mappings.value.filter((candidate) => candidate.id !== mappingId)
      if (form.mappingId === mappingId) form.mappingId = ''
      ElMessage.success(t('import.mappingDeleted', { name: saved.name ?? '' }))
    } catch (error) {
      handleApiError(error)
    }
  }

  function setMappingCell(sheet: string, header: string, key: string): void {
    draft.value = { ...draft.value, [sheet]: { ...draft.value[sheet], [header]: key } }
  }

  // ---- step 3 / 4: report, commit, cancel ----

  async function downloadAnnotated(): Promise<void> {
    const current = job.value
    if (current?.id === undefined) return
    try {
      await downloadImportAnnotated(current.id, annotatedName(current.fileName))
    } catch (error) {
      handleApiError(error)
    }
  }

  function commit(): Promise<void> {
    return act('commit', (id) => commitImport(id, { validRowsOnly: validRowsOnly.value }))
  }

  function cancel(): Promise<void> {
    return act('cancel', cancelImport, () =>
      ElMessageBox.confirm(t('import.cancelConfirm'), t('import.cancel'), {
        type: 'warning',
        confirmButtonText: t('import.cancel'),
        cancelButtonText: t('common.close'),
      }),
    )
  }

  /** The 上一步 / 下一步 buttons: only between the steps of a checked job. */
  function goTo(target: ImportStep): void {
    if (job.value?.status === 'VALIDATED' && (target === 'mapping' || target === 'report' || target === 'commit')) step.value = target
  }

  // ---- wiring ----

  watch(
    () => form.ledger,
    (code) => {
      if (job.value === null) {
        form.mappingId = ''
        void loadMappings(code)
      }
    },
  )

  watch(
    () => route.params.id,
    (value) => {
      const id = typeof value === 'string' ? value : ''
      if (id === '') {
        if (job.value !== null) clearJob()
      } else if (id !== jobId.value) {
        void loadJob(id)
      }
    },
    { immediate: true },
  )

  onScopeDispose(() => {
    generation += 1
    stopPolling()
    upload?.abort()
  })

  void loadLedgers()

  return {
    ledgers,
    ledgersLoading,
    form,
    file,
    uploading,
    uploadPercent,
    sizeLimit,
    job,
    jobLoading,
    step,
    stepIndex,
    busy,
    actions,
    acting,
    ledger,
    ledgerCode,
    draft,
    draftConflict,
    mappingChanged,
    mappings,
    validRowsOnly,
    problems,
    records,
    downloadTemplate,
    chooseFile,
    start,
    restart,
    revalidate,
    saveMapping,
    applyMapping,
    removeMapping,
    setMappingCell,
    downloadAnnotated,
    commit,
    cancel,
    goTo,
    reload: () => (jobId.value === '' ? Promise.resolve() : loadJob(jobId.value)),
  }
}

export type ImportWizard = ReturnType<typeof useImportWizard>

const WIZARD: InjectionKey<ImportWizard> = Symbol('importWizard')

/** The page creates the wizard once; its step components share it. */
export function provideImportWizard(options?: ImportWizardOptions): ImportWizard {
  const wizard = useImportWizard(options)
  provide(WIZARD, wizard)
  return wizard
}

export function injectImportWizard(): ImportWizard {
  const wizard = inject(WIZARD)
  if (wizard === undefined) throw new Error('injectImportWizard() outside the import wizard')
  return wizard
}
