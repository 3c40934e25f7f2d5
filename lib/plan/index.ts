/** The plan document's schema: roots, record types, commands and reads. */
export * from './roots.ts';
export * from './types.ts';
export * from './origin.ts';
export * from './membership-entries.ts';
export * from './records.ts';
export * from './migrations.ts';
export * from './plan-meta.ts';
export { PROFILE_COPY_PREFIX, readPlanProfileCopy, storePlanProfile } from './plan-profile-copy.ts';
export * from './children.ts';
export * from './validate-new-plan.ts';
export * from './record-spec.ts';
export * from './records/index.ts';
export * from './plan-sections.ts';
export * from './rich-text-schema.ts';
