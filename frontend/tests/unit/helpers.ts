import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router, type RouteRecordRaw } from 'vue-router'
import { defineComponent, h, type Component } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { i18n, setLocale } from '@/i18n'
import { useUserStore, type Me, type OperationId } from '@/stores/user'

export interface TestContext {
  pinia: Pinia
  plugins: [Pinia, typeof i18n]
}

/** A fresh Pinia (optionally with a signed-in user) and the app's i18n in Chinese. */
export function setupApp(me: Me | null = null): TestContext {
  const pinia = createPinia()
  setActivePinia(pinia)
  setLocale('zh-CN')
  if (me !== null) useUserStore(pinia).set(me)
  return { pinia, plugins: [pinia, i18n] }
}

export function userWithRoles(...roles: string[]): Me {
  return userWith(roles, [])
}

/** A user with these roles and the restricted operations GET /me lists for them. */
export function userWith(roles: string[], permissions: OperationId[]): Me {
  return {
    subject: 'sub-1',
    username: 'tester',
    displayName: '测试员',
    unit: { id: 'u-1', code: 'SJ-BGS', name: '办公室' },
    roles,
    permissions,
    client: 'UI',
    scope: { all: true, units: [] },
  }
}

const Blank = defineComponent({ render: () => h('div') })

/** A memory-history router with a couple of named pages, for composables that sync the URL. */
export async function testRouter(initial = '/list', extra: RouteRecordRaw[] = []): Promise<Router> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/list', name: 'list', component: Blank },
      { path: '/other', name: 'other', component: Blank },
      ...extra,
    ],
  })
  await router.push(initial)
  await router.isReady()
  return router
}

/** JSON response as the API sends it. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } })
}

/** Resolves after pending promise callbacks (and Vue's scheduler) have run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0))
}

/** A promise whose settling the test controls. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

type Plugins = NonNullable<NonNullable<Parameters<typeof mount>[1]>['global']>['plugins']

/** Runs a page composable inside a mounted component (it needs the router, Pinia and i18n); the wrapper unmounts it. */
export async function mountComposableIn<T>(composable: () => T, plugins: Plugins): Promise<{ result: T; wrapper: VueWrapper }> {
  let result: T | undefined
  const host: Component = {
    setup() {
      result = composable()
      return () => h('div')
    },
  }
  const wrapper = mount(host, { global: { plugins } })
  await flush()
  if (result === undefined) throw new Error('not mounted')
  return { result, wrapper }
}

/** The composable of a page, mounted (see mountComposableIn). */
export async function mountComposable<T>(composable: () => T, plugins: Plugins): Promise<T> {
  return (await mountComposableIn(composable, plugins)).result
}
