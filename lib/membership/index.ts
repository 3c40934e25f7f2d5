/** Members, devices and key epochs of a plan (issue 17): see ARCHITECTURE.md, "Membership". */
export * from './device-identity.ts';
export * from './seal-to-device.ts';
export * from './safety-code.ts';
export * from './client-id.ts';
export * from './join-request.ts';
export { WELCOME_CONTEXT } from './welcome.ts';
export * from './membership-log.ts';
export { currentDevices, memberOfDevice, epochContext } from './membership-state.ts';
export * from './membership-actions.ts';
