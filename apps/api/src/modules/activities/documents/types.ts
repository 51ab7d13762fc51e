// Input shapes for document generation. Deliberately independent of the database rows so the
// documents can be produced from any source (service layer, seed data, tests) and stay stable
// when the schema changes.

export interface DocAttendee {
  name: string;
  isMember: boolean;
  /** 'unrecorded': expected at a meeting whose attendance was never saved. */
  state: 'present' | 'excused' | 'absent' | 'unrecorded';
  reason: string | null;
  makeupOn: string | null;
}

export interface DocPhoto {
  data: Buffer /* JPEG */;
  capturedAt: string | null /* ISO */;
  caption: string | null;
}

export interface DocChecklistItem {
  /** The checklist it belongs to (五个一, 四定两挂一戴 …): each is counted under its own heading. */
  checklist?: string;
  label: string;
  done: boolean;
  evidence: string | null;
}

export interface DocVote {
  subject: string;
  votingMembers: number;
  present: number;
  inFavour: number;
  against: number;
  abstain: number;
  quorumMet: boolean;
  passed: boolean;
}

export interface DocUpload {
  uploadedOn: string;
  uploadedBy: string;
  reference: string;
}

export interface DocActivity {
  id: number;
  branchName: string;
  groupName: string | null;
  kindLabel: string;
  countedAsLabels: string[];
  heldOn: string /* YYYY-MM-DD */;
  place: string;
  topic: string;
  host: string | null;
  recorder: string | null;
  lecturer: string | null;
  agenda: string | null;
  minutes: string | null;
  resolutions: string | null;
  attendees: DocAttendee[];
  /** False while no attendance was saved for the meeting: the record says 未登记出勤 instead of counting absences. */
  attendanceSaved: boolean;
  photos: DocPhoto[];
  checklist: DocChecklistItem[];
  supervisorName: string | null;
  reviewStatusLabel: string | null;
  vote: DocVote | null;
  upload: DocUpload | null;
}

export interface DocLedger {
  branchName: string;
  townName: string;
  periodLabel: string /* e.g. 2026年 or 2026年11月 */;
  activities: DocActivity[];
  /** Plans whose day passed with nothing recorded since: named under the count, never printed as held. */
  lapsedPlans?: { heldOn: string; kindLabel: string; topic: string }[];
  generatedAt: string;
}
