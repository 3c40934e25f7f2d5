/**
 * The services in Svelte context: App sets them once (from its `services` prop); every component
 * below reads them with `useServices()` during initialisation instead of taking storage, clocks or
 * sessions as props.
 */
import { createContext } from 'svelte';
import type { Services } from './services.ts';

const [getServices, setServices] = createContext<Services>();

/** The page's services (call while a component initialises, below App). */
export const useServices = getServices;

/** Hands the services to the component tree (App calls this once). */
export const provideServices = setServices;
