import { defineBackground } from 'wxt/utils/define-background';
import { registerPanelBehaviour } from '../lib/platform/panel-behaviour.ts';

export default defineBackground(() => {
  registerPanelBehaviour();
});
