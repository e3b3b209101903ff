import { handleApiError } from '@/api/errors'
import { useTodosStore } from '@/stores/todos'
import type { Todo } from './todos'

/** Opening a to-do (following its link) marks it read; the navigation does not wait for that. */
export function useOpenTodo() {
  const store = useTodosStore()
  function opened(todo: Pick<Todo, 'id' | 'read' | 'state'>): void {
    store.markRead(todo).catch((error: unknown) => handleApiError(error))
  }
  return { opened }
}
