import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig, type Plugin } from 'vite'
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

// The served app talks to the API and Keycloak named in the config.json it is served with (edited
// in place by operators): the policy names the same, read again for every response.
function securityHeadersOnPreview(): Plugin {
  return {
    name: 'qingfeng-security-headers',
    configurePreviewServer(server) {
      const file = resolve(server.config.root, server.config.build.outDir, 'config.json')
      server.middlewares.use((_request, response, next) => {
        let config: unknown = {}
        try {
          config = JSON.parse(readFileSync(file, 'utf8'))
        } catch {
          // No file or not JSON: the app falls back to its defaults, and so does the policy.
        }
        for (const [name, value] of Object.entries(securityHeaders(parseConfig(config)))) response.setHeader(name, value)
        next()
      })
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    securityHeadersOnPreview(),
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
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
})
