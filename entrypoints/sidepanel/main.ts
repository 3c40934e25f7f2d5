import '../../components/app.css';
import { startApp } from '../../components/start-app.ts';

startApp('panel');
