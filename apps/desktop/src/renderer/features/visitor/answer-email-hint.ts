import type { Hello } from '@switchboard/protocol';
import type { TFunction } from 'i18next';
import { longDuration, megabytes } from '../../ui/format.js';

/**
 * What the visitor panel says under a left message's address: when the agent's replies are
 * emailed, and how much of their files goes with them (an older server sends no limit: none).
 */
export function answerEmailHint(t: TFunction, answerEmails: NonNullable<Hello['answerEmails']>): string {
  const when =
    answerEmails.delaySeconds === 0
      ? t('visitor.replyToEmailedAtOnce')
      : t('visitor.replyToEmailed', { delay: longDuration(t, answerEmails.delaySeconds) });
  const limit = answerEmails.attachmentMaxBytes ?? 0;
  if (limit === 0) return when;
  return when + t('visitor.sentenceGap') + t('visitor.replyToFiles', { megabytes: megabytes(limit) });
}
