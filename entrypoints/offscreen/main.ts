/** Chrome's offscreen document: keeps every shared plan in step while the panel is closed. */
import { startBackgroundCopies } from '../../lib/background/start-background-copies.ts';

startBackgroundCopies();
