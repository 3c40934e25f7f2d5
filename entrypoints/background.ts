/** The service worker: wiring only. It keeps no state in globals (Chrome stops it at will). */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerPanelBehaviour } from '../lib/platform/panel-behaviour.ts';
import { browserLocalArea } from '../lib/platform/key-value-area.ts';
import { browserAlarms } from '../lib/platform/alarms.ts';
import { browserBadge } from '../lib/platform/badge.ts';
import { browserNotifier } from '../lib/platform/notifications.ts';
import { browserRecheckRequests } from '../lib/platform/badge-refresh.ts';
import { registerDeadlineChecks } from '../lib/due/register-deadline-checks.ts';
import { browserContextMenus } from '../lib/platform/context-menu.ts';
import { registerCaptureMenu } from '../lib/capture/capture-click.ts';

export default defineBackground(() => {
  registerPanelBehaviour();
  registerDeadlineChecks({
    area: browserLocalArea(),
    alarms: browserAlarms(),
    badge: browserBadge(),
    notifier: browserNotifier(),
    requests: browserRecheckRequests(),
    openPlanList: () => void browser.tabs.create({ url: browser.runtime.getURL('/plan.html#/') }),
  });
  registerCaptureMenu({ area: browserLocalArea(), menus: browserContextMenus() });
});
