/** Context key under which PlanView gives rich-text fields the plan's presence (for remote cursors). */
export const AWARENESS_CONTEXT = Symbol('plan-awareness');
