import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['tests/unit/**/*.spec.ts'],
      // On-demand Element Plus imports CSS from inside the package; inline it so Vitest handles them.
      server: { deps: { inline: ['element-plus'] } },
      css: false,
      restoreMocks: true,
    },
  }),
)
