import { defineConfig } from 'wxt';

/**
 * The public half of the key that fixes the extension id (jafnfkelchlicceondmlpojppioadolc), so
 * tests, invite links and stored data keep one origin across builds. The private half is not
 * needed to load an unpacked build; a store listing signs with its own.
 */
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtSSwHwU/Z/S9egU0D2iYd1A/ZxDYCJXwAhxcgNRf1FWF53/R/UDWdcrHrjyqAJqDEHTqME8mJgkJeqyNAmkkGU/el5S9FjH6PJ0EeUl4h9bVa9/xazcMZQ7YPsswUBa4HFocxuYoO4rHY35GrDd9osnDCnBxEEOX2vkIGP6gPoMfYB1/RxgStLwbwjDwJ4oMiIqC/S+hvtpmGi4qZa9ntrOl66Y8br9N5gHD9NmggN/pAj/89sKAMUnP8+XBwUMKCM/4sHvfsB8P599zGTVb+ioZZFxOhmfXX67RTiQPgOPmuo2xOBAn6tCRJsU5QUg8KFUsIBAqLs+FS6uDJ9WvGQIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/module-svelte'],
  // Svelte builds each component's static DOM with createElement instead of parsing it from a
  // string through innerHTML (its default, 'html'): Firefox's add-on linter and AMO review flag
  // every innerHTML assignment, and the extension pages never need an HTML parser for our own
  // markup. The cost is paid once per template (the result is cloned after), for both browsers.
  svelte: { vite: { compilerOptions: { fragments: 'tree' } } },
  // WXT_OUT_DIR lets parallel work build side by side; tests read the same variable.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // Imports stay visible in every file (STYLE.md: no auto-imported helpers).
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Core Group Plan',
    description:
      'Child protection plans, edited together by the core group, stored on your own machine.',
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is sent to us or anyone: plans go only to colleagues' browsers, encrypted.
            gecko: { id: 'core-group-plan@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {
          key: EXTENSION_KEY,
          // What an organisation may set for all its staff by enterprise policy (lib/settings/managed.ts).
          // Firefox reads the same keys from policies.json (3rdparty.Extensions.<id>) with no schema.
          storage: { managed_schema: 'managed-schema.json' },
        }),
    // alarms and notifications: the daily deadline check and its notice (no names, only counts).
    // contextMenus: "Add to plan…" on selected text (the click brings the text and address).
    // offscreen (Chrome only; Firefox has none): the document that keeps shared plans in step
    // while the panel is closed (lib/background/).
    permissions:
      browser === 'firefox'
        ? ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus']
        : ['storage', 'unlimitedStorage', 'sidePanel', 'alarms', 'notifications', 'contextMenus', 'offscreen'],
    action: { default_title: 'Open the core group plan' },
    // Explicit, and no weaker than MV3's default: only the extension's own scripts, no remote
    // hosts, no eval, no WebAssembly (nothing needs it). Written out so a later change that
    // loosens it is a visible diff.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
  }),
});
