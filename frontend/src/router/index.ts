import { watch } from 'vue'
import { createRouter, createWebHistory, type RouteLocationNormalized, type Router, type RouterHistory } from 'vue-router'
import { canOpen } from '@/access'
import { i18n } from '@/i18n'
import { useUserStore } from '@/stores/user'
import { routes } from './routes'

export function pageTitle(route: Pick<RouteLocationNormalized, 'meta'>): string {
  const suffix = i18n.global.t('app.titleSuffix')
  const key = route.meta.titleKey
  return key === undefined ? suffix : `${i18n.global.t(key)} - ${suffix}`
}

export function installGuards(router: Router): void {
  router.beforeEach((to) => {
    const user = useUserStore()
    const grants = { roles: user.roles, permissions: user.permissions }
    const denied = to.matched.some((record) => !canOpen(grants, record.meta))
    // Keep the address the user asked for in the query so the 403 page can say what was refused.
    if (denied) return { name: 'forbidden', query: { from: to.fullPath }, replace: true }
    return true
  })
  router.afterEach((to) => {
    document.title = pageTitle(to)
  })
  watch(i18n.global.locale, () => {
    document.title = pageTitle(router.currentRoute.value)
  })
}

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) })
  installGuards(router)
  return router
}
