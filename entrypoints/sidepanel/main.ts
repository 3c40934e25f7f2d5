import { mount } from 'svelte';
import App from '../../components/App.svelte';
import '../../components/app.css';
import { startServices } from '../../lib/services/start-services.ts';

startServices().then(
  (services) => mount(App, { target: document.getElementById('app')!, props: { services, layout: 'panel' } }),
  (error: unknown) => console.error('The app could not start', error),
);
