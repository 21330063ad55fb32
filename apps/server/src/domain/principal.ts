import type { Role } from '@switchboard/protocol';

/** Who is calling, as established from a verified credential (never from a payload). */
export type Principal = VisitorPrincipal | StaffPrincipal;

export interface VisitorPrincipal {
  kind: 'visitor';
  visitorId: string;
  widgetId: string;
  name: string | null;
  verified: boolean;
}

export interface StaffPrincipal {
  kind: 'staff';
  userId: string;
  sessionId: string;
  role: Role;
  name: string;
  email: string;
  teamIds: string[];
}
