/**
 * Short names for the generated schemas the pages read (schema.d.ts, from the API's own OpenAPI
 * document by `npm run web:client`): nothing here is written by hand.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Level = Schemas['Nomination']['route'][number];
export type Me = Schemas['Me'];
export type DevUser = Schemas['DevUsers'][number];
export type Nomination = Schemas['Nomination'];
export type NominationPage = Schemas['NominationPage'];
export type Notification = Schemas['NotificationList']['items'][number];
export type StuckItem = Schemas['StuckPage']['items'][number];
export type Campaign = Schemas['Campaign'];
export type Award = Schemas['Award'];
export type DocumentType = Schemas['DocumentTypes'][number];
export type DocumentInfo = Schemas['Document'];
export type VoteReceipt = Schemas['BallotStatus'];
