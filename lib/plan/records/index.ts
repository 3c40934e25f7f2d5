/** Every record type of a plan (see ../record-spec.ts). Field names are the stored format: renaming one needs a migration. */
export * from './family.ts';
export * from './core-group.ts';
export * from './outcomes.ts';
export * from './meetings.ts';
export * from './reports.ts';
export * from './chronology.ts';
export * from './scaling.ts';
export * from './versions.ts';
export * from './end-recommendation.ts';
