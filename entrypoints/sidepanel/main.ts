import { startApp } from '../../lib/app/start-app.ts';

startApp(document.getElementById('app')!, 'panel');
