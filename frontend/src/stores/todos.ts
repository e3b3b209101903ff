import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import type { Todo, TodoSummary } from '@/views/home/todos'

/** How many open to-dos the bell's dropdown lists. */
export const BELL_LIMIT = 6

/**
 * The caller's to-do counts and newest open ones, shared by the header bell, the dashboard panel
 * and 待办中心: marking one read anywhere updates the unread count everywhere.
 */
export const useTodosStore = defineStore('todos', () => {
  const summary = ref<TodoSummary>({ open: 0, unread: 0, overdue: 0 })
  const latest = shallowRef<Todo[]>([])
  const loadingLatest = ref(false)

  /** The counts only (cheap): on navigation and on the bell's interval. */
  async function refreshSummary(): Promise<void> {
    summary.value = await call(api().GET('/api/v1/me/todos/summary'))
  }

  /** The most urgent open to-dos, for the bell's dropdown. */
  async function refreshLatest(): Promise<void> {
    loadingLatest.value = true
    try {
      const page = await call(api().GET('/api/v1/me/todos', { params: { query: { state: 'OPEN', limit: BELL_LIMIT } } }))
      latest.value = page.items ?? []
    } finally {
      loadingLatest.value = false
    }
  }

  /** Marks a to-do read (it was opened); unread ones count down at once, the server confirms. */
  async function markRead(todo: Pick<Todo, 'id' | 'read' | 'state'>): Promise<void> {
    if (todo.id === undefined || todo.read === true) return
    const id = todo.id
    await call(api().POST('/api/v1/me/todos/{id}/read', { params: { path: { id } } }))
    latest.value = latest.value.map((item) => (item.id === id ? { ...item, read: true } : item))
    if (todo.state === 'OPEN' && (summary.value.unread ?? 0) > 0) summary.value = { ...summary.value, unread: (summary.value.unread ?? 0) - 1 }
  }

  return { summary, latest, loadingLatest, refreshSummary, refreshLatest, markRead }
})
