import { SLA_THRESHOLDS, type SlaFigure, type SlaLevel, slaLevel } from '@switchboard/protocol';
import type { ReportConversation } from '../../store/reports.js';

type Threshold = { amber: number; red: number };

export function figure(value: number | null, threshold: Threshold): SlaFigure {
  return { value, level: slaLevel(value, threshold) };
}

export function worst(levels: SlaLevel[]): SlaLevel {
  return levels.includes('red') ? 'red' : levels.includes('amber') ? 'amber' : 'ok';
}

const mean = (values: number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

const between = (from: string, to: string | null) =>
  to === null ? null : Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

/** Today's first response, wait and abandoned rate of one team's conversations. */
export function todaysSla(conversations: ReportConversation[]) {
  const present = (v: number | null): v is number => v !== null;
  const firstResponse = mean(
    conversations.map((c) => between(c.createdAt, c.firstResponseAt)).filter(present),
  );
  const wait = mean(conversations.map((c) => between(c.createdAt, c.firstAssignedAt)).filter(present));
  const abandoned = conversations.filter((c) => c.abandoned).length;
  const rate =
    conversations.length === 0 ? null : Math.round((abandoned / conversations.length) * 1000) / 1000;
  return {
    firstResponseSeconds: figure(firstResponse, SLA_THRESHOLDS.firstResponseSeconds),
    waitSeconds: figure(wait, SLA_THRESHOLDS.waitSeconds),
    abandonedRate: figure(rate, SLA_THRESHOLDS.abandonedRate),
  };
}
