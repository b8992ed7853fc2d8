// The institutions module: bodies with their members over time, their decision rules, and a proposal's outlook.
export { BODIES, type BodyData, type BodyId } from './body-data.js';
export { BODY_NAMES, bodyOfProposal, parseBodyName, type BodyName, type RuleName } from './body-name.js';
export { OUTLOOK_STANCES, parseHolderKey, parseStance, parseStanceAssignment, type OutlookStance } from './holder-key.js';
export { isIsoDate, outlook, type Outlook, type OutlookInput, type OutlookStatus } from './outlook.js';
export { OutlookError, type OutlookErrorCode } from './outlook-error.js';
export { rosterOn, type Roster } from './roster.js';
