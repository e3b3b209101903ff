import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vite'
import { parseConfig } from './src/config.ts'
import { securityHeaders } from './src/security/headers.ts'

// The dev server reloads once on a cold cache unless every on-demand Element Plus style entry is
// pre-bundled, so list them all (dev only; the production build does not use optimizeDeps).
function elementPlusStyleEntries(): string[] {
  const dir = fileURLToPath(new URL('./node_modules/element-plus/es/components', import.meta.url))
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => existsSync(`${dir}/${name}/style/css.mjs`))
    .map((name) => `element-plus/es/components/${name}/style/css`)
}

// The served app talks to the API and Keycloak named in its config.json; the policy names the same.
function previewHeaders(): Record<string, string> {
  const file = fileURLToPath(new URL('./public/config.json', import.meta.url))
  return securityHeaders(parseConfig(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}))
}

export default defineConfig({
  plugins: [
    vue(),
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  optimizeDeps: {
    include: ['element-plus/es', ...elementPlusStyleEntries()],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The dev server's hot reload runs inline and over a websocket; only the built app gets the policy.
  preview: { host: '127.0.0.1', port: 5173, strictPort: true, headers: previewHeaders() },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
})
