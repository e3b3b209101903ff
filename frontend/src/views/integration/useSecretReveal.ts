import { computed, ref } from 'vue'

/**
 * A signing secret the server shows once (after create or rotate): held only while its dialog is
 * open and dropped on close, so nothing on the page can show it again.
 */
export function useSecretReveal() {
  const secret = ref<string | null>(null)
  const name = ref('')
  const visible = computed(() => secret.value !== null)

  function reveal(value: string, subscriptionName = ''): void {
    secret.value = value
    name.value = subscriptionName
  }

  function dismiss(): void {
    secret.value = null
    name.value = ''
  }

  return { secret, name, visible, reveal, dismiss }
}
