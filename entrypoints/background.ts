/** The background (Chrome's service worker, Firefox's page): wiring only. It keeps no state in globals (Chrome stops it at will). */
import { defineBackground } from 'wxt/utils/define-background';
import { registerPanelBehaviour } from '../lib/platform/panel-behaviour.ts';
import { browserLocalArea, browserSessionArea } from '../lib/platform/key-value-area.ts';
import { browserAlarms } from '../lib/platform/alarms.ts';
import { browserBadge } from '../lib/platform/badge.ts';
import { browserNotifier } from '../lib/platform/notifications.ts';
import { browserRecheckRequests } from '../lib/platform/badge-refresh.ts';
import { registerDeadlineChecks } from '../lib/due/register-deadline-checks.ts';
import { browserContextMenus } from '../lib/platform/context-menu.ts';
import { registerCaptureMenu } from '../lib/capture/capture-click.ts';
import { browserPages } from '../lib/platform/extension-pages.ts';
import { chromeOffscreen } from '../lib/platform/offscreen.ts';
import { keepOffscreenDocument } from '../lib/background/keep-offscreen.ts';
import { startBackgroundPull } from '../lib/background/start-background-pull.ts';

export default defineBackground(() => {
  const requests = browserRecheckRequests();
  registerPanelBehaviour();
  registerDeadlineChecks({
    area: browserLocalArea(),
    kept: browserSessionArea(),
    alarms: browserAlarms(),
    badge: browserBadge(),
    notifier: browserNotifier(),
    requests,
    openPlanList: () => void browserPages().open('#/'),
  });
  registerCaptureMenu({ area: browserLocalArea(), menus: browserContextMenus() });
  // Shared plans keep in step with the panel closed: Chrome in its offscreen document, Firefox
  // (no offscreen documents, but a background page with WebRTC) by pulling now and then.
  if (import.meta.env.FIREFOX) startBackgroundPull(requests);
  else keepOffscreenDocument({ alarms: browserAlarms(), area: browserLocalArea(), offscreen: chromeOffscreen() });
});
