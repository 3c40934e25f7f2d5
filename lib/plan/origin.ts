/**
 * The transaction origin of this extension's named commands. Loading from storage, y-webrtc and
 * y-prosemirror tag their own transactions with themselves; ours carry this object, so observers can tell a local
 * command from a remote update (`transaction.origin === COMMAND_ORIGIN`).
 */
export const COMMAND_ORIGIN = Object.freeze({ source: 'plan-command' });
