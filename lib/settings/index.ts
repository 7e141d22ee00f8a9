/** Settings: schema and defaults, parsing, migration, site rules and the store. */
export * from './schema';
export { parseSettings, sameSettings, toStored, type ParseResult } from './parse';
export { migrate, type SettingsV1 } from './migrate';
export { isEnabledInFrame, isEnabledOn, rulesCovering, toggleSite } from './sites';
export * from './store';
export {
  defineSettingsSlots,
  type SettingsArea,
  type SettingsSlot,
  type SettingsSlots,
} from './slots';
export { normalizeHostname } from '../hostname';
