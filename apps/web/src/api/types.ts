/**
 * The shapes the pages read from responses, as API.md describes them. The served OpenAPI document
 * types the requests (paths, parameters, bodies); its responses are not described yet, so these
 * are written from the contract.
 */
import type { NomineeLike } from '../lib/format';

export type Level = 'UNIT' | 'DEPARTMENT' | 'SO' | 'CITY';
export type Role = 'CLERK' | 'REVIEWER' | 'COUNCIL_MEMBER' | 'STAFF' | 'ADMIN';

export interface Me {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  councilSeat: 'CHAIR' | 'MEMBER' | null;
  reviewsLevel: Level | null;
}

export interface DevUser {
  username: string;
  displayName: string;
  role: Role;
}

export interface Decision {
  level: Level;
  decision: 'APPROVE' | 'REJECT' | 'RETURN';
  reviewer: string;
  onBehalfOf?: string | null;
  comment: string | null;
  ground: string | null;
  decidedAt: string;
  tally?: { for: number; against: number; membersTotal: number; threshold: number };
  minutes?: string | null;
}

export interface DocumentInfo {
  id: string;
  type: string;
  fileName: string;
  mediaType: string;
  size: number;
  version?: number;
  current?: boolean;
  uploadedBy?: string;
  uploadedAt?: string;
}

export interface Nomination {
  id: string;
  awardCode: string;
  /** Why the award is proposed (thường xuyên, chuyên đề, đột xuất). */
  basis?: 'REGULAR' | 'THEMED' | 'EXTRAORDINARY';
  year: number;
  unitCode: string;
  nominee: NomineeLike & { position?: string };
  achievements: string;
  status: string;
  currentLevel: Level | null;
  route: Level[];
  dueAt: string | null;
  overdue: boolean;
  eligibility?: { passed: boolean; criteria: { code: string; message: string; status: 'MET' | 'NOT_MET' | 'DECLARED' }[] } | null;
  decisions: Decision[];
  documents?: DocumentInfo[];
  /** The issued award decision that grants it, if any. */
  awardDecision?: { id: string; number: string; issuedAt: string } | null;
  workflowId: string;
  temporalUiUrl: string;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Notification {
  id: string;
  kind: string;
  nominationId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface StuckItem {
  nominationId: string;
  workflowId: string;
  kind: string;
  reason: string;
  waitingOn: string[];
  since: string;
  temporalUiUrl: string;
  level?: Level | null;
}

export interface Campaign {
  id: string;
  code: string;
  name: string;
  year: number;
  kind: 'REGULAR' | 'THEMED';
  awardCodes: string[];
  opensAt: string;
  closesAt: string;
  status: string;
  counts?: { byStatus?: Record<string, number>; byLevel?: Record<string, number> };
}

export interface Award {
  code: string;
  name: string;
  route: Level[];
  nomineeKinds: ('INDIVIDUAL' | 'COLLECTIVE')[];
  requiredDocuments: string[];
  optionalDocuments: string[];
  /** Levels decided by a council vote. */
  councilLevels: Level[];
}

export interface DocumentType {
  code: string;
  name: string;
}

export interface VoteReceipt {
  level: Level;
  membersTotal: number;
  votesCast: number;
  closed: boolean;
}
