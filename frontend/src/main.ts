import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Programmatic Element Plus APIs are not seen by the component resolver; bring their styles here.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/notification/style/css'
import './styles/main.css'
import { initApi } from './api/client'
import { startKeycloakSession } from './auth/keycloak'
import { setAuthSession } from './auth/session'
import { DEFAULT_CONFIG, loadConfig, type AppConfig } from './config'
import { i18n } from './i18n'
import { createAppRouter } from './router'
import { useUserStore } from './stores/user'
import App from './App.vue'
import BootError from './BootError.vue'

async function readConfig(): Promise<AppConfig> {
  try {
    return await loadConfig()
  } catch (cause) {
    console.warn('config.json could not be read; using the built-in defaults', cause)
    return { ...DEFAULT_CONFIG }
  }
}

async function boot(): Promise<void> {
  document.documentElement.lang = i18n.global.locale.value
  const config = await readConfig()
  initApi(config.apiBaseUrl)

  let step = 'auth'
  try {
    setAuthSession(await startKeycloakSession(config))
    step = 'me'
    const pinia = createPinia()
    const app = createApp(App)
    app.use(pinia).use(i18n)
    // The menu and route guards need the roles and permissions, so /me is read before the router starts.
    await useUserStore(pinia).load()
    app.use(createAppRouter())
    app.mount('#app')
  } catch (cause) {
    console.error('boot failed', step, cause)
    const message = cause instanceof Error ? cause.message : String(cause)
    createApp(BootError, { step, detail: message }).use(i18n).mount('#app')
  }
}

void boot()
